package dev.plancheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.CheckOptions;
import dev.plancheck.report.Report;
import dev.plancheck.input.Waiver;
import dev.plancheck.report.CharacterReportWriter;
import dev.plancheck.report.ReportFormats;
import dev.plancheck.scenario.CaseOutcome;
import dev.plancheck.testing.Checkers;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JUnit XML report validates against the common schema's structure and reads back as a CI server reads it. */
class JunitXmlReportWriterTest {
    private static final Path SAMPLES = Path.of("..", "sample-data", "dianchang-2023");

    @Test
    void a_gap_is_a_failure_with_its_expectation_and_met_duties_pass() throws Exception {
        Report report = Checkers.dianchang2023().check(SAMPLES.resolve("gaps-meetings.json"));
        String xml = write(List.of(report));
        validate(xml);
        Document doc = parse(xml);
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("../sample-data/dianchang-2023/gaps-meetings.json".replace('/', java.io.File.separatorChar),
                suite.getAttribute("name"));
        assertEquals(String.valueOf(report.results().size()), suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(2, failures.getLength());
        Element first = (Element) failures.item(0);
        Element testcase = (Element) first.getParentNode();
        assertEquals("[R1.2-4] 全年专题会议研究统战工作至少2次 — 电厂街道（DC）", testcase.getAttribute("name"));
        assertEquals("dianchang-2023.DC", testcase.getAttribute("classname"));
        assertEquals("应有：研究统战工作的专题会议：全年（2023-01-01 至 2023-12-31）内至少 2 条", first.getAttribute("message"));
        assertTrue(first.getTextContent().contains("实有：1 条：DC-024（2023-04-13 党工委专题会议研究2023年统战工作）"),
                first.getTextContent());
        assertEquals(report.fingerprint().sha256(), property(doc, "pack.sha256"));
        assertEquals("2023.2", property(doc, "pack.version"));
    }

    @Test
    void not_due_not_applicable_and_waived_are_skipped_with_their_reason() throws Exception {
        var checker = Checkers.dianchang2023();
        var ledger = checker.read(SAMPLES.resolve("gaps-meetings.json"));
        Report june = checker.check(ledger, CheckOptions.asOf(LocalDate.of(2023, 6, 15)));
        Report waived = checker.check(ledger, CheckOptions.defaults().withWaivers(
                List.of(new Waiver("R1.2-4", "DC", "第二次专题会议因疫情改为书面研究", "王审核", null, "说明.json"))));
        String xml = write(List.of(june, waived));
        validate(xml);
        Document doc = parse(xml);
        Element all = doc.getDocumentElement();
        long skippedJune = june.summary().notDue() + june.summary().notApplicable();
        assertEquals(String.valueOf(skippedJune + waived.summary().notApplicable() + 1), all.getAttribute("skipped"));
        assertEquals("1", all.getAttribute("failures"));
        NodeList skipped = doc.getElementsByTagName("skipped");
        boolean sawWaiver = false;
        boolean sawNotDue = false;
        for (int i = 0; i < skipped.getLength(); i++) {
            String m = ((Element) skipped.item(i)).getAttribute("message");
            sawWaiver |= m.equals("已说明：第二次专题会议因疫情改为书面研究");
            sawNotDue |= m.startsWith("未到期");
        }
        assertTrue(sawWaiver && sawNotDue);
    }

    @Test
    void scenario_outcomes_are_test_cases_and_a_broken_file_is_an_error() throws Exception {
        StringBuilder sb = new StringBuilder();
        JunitXmlReportWriter.writeScenarios("dianchang-2023", Checkers.dianchang2023().pack().fingerprint(), List.of(
                new CaseOutcome("s01/R1.2-4.json", 4, "R1.2-4", "met_when_two_special_meetings_are_held", List.of()),
                new CaseOutcome("s01/R1.2-4.json", 12, "R1.2-4", "reports_gap", List.of("单位 DC：状态应为 GAP，实际为 MET"))),
                List.of(new JunitXmlReportWriter.BrokenFile("s02/bad.json", "s02/bad.json:1:1 $: 不是有效的 JSON")), sb);
        validate(sb.toString());
        Document doc = parse(sb.toString());
        assertEquals("3", doc.getDocumentElement().getAttribute("tests"));
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertEquals("单位 DC：状态应为 GAP，实际为 MET", failure.getAttribute("message"));
        assertEquals("12", ((Element) failure.getParentNode()).getAttribute("line"));
        assertEquals(1, doc.getElementsByTagName("error").getLength());
    }

    @Test
    void characters_xml_cannot_hold_are_shown_by_their_code_and_the_file_stays_well_formed() throws Exception {
        String name = "电厂\u0001街道\u0008\ufffe\uffff\ud800\u202e";
        var s = dev.plancheck.input.Submission.of("x\u0007.json", 2023, List.of(
                new dev.plancheck.model.OrgUnit("DC", name, dev.plancheck.model.UnitLevel.SUBDISTRICT),
                new dev.plancheck.model.OrgUnit("SL", "松林社区", dev.plancheck.model.UnitLevel.COMMUNITY)), List.of());
        String xml = write(List.of(Checkers.dianchang2023().check(s)));
        validate(xml);
        Document doc = parse(xml);
        assertEquals("x[U+0007].json", ((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("name"));
        assertTrue(xml.contains("电厂[U+0001]街道[U+0008][U+FFFE][U+FFFF][U+D800][U+202E]（DC）"), xml);
    }

    @Test
    void the_same_report_gives_byte_identical_xml() throws Exception {
        Report report = Checkers.dianchang2023().check(SAMPLES.resolve("gaps-red-cross.json"));
        assertEquals(write(List.of(report)), write(List.of(report)));
    }

    private static String write(List<Report> reports) throws Exception {
        StringBuilder sb = new StringBuilder();
        // Found by name in the one registry: the authoring kit registers the format as a service.
        ((CharacterReportWriter) ReportFormats.forName("junit")).write(reports, sb);
        return sb.toString();
    }

    private static void validate(String xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var schema = factory.newSchema(JunitXmlReportWriterTest.class.getResource("/junit/junit-subset.xsd"));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String property(Document doc, String name) {
        NodeList props = doc.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            if (p.getAttribute("name").equals(name)) {
                return p.getAttribute("value");
            }
        }
        return null;
    }
}
