package dev.plancheck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates ledgers of made-up subdistricts from the compliant sample ledger, seeded and deterministic: subdistrict
 * {@code i} of seed {@code s} is always the same bytes, whatever order or thread it is made in. Each subdistrict has
 * {@link #COMMUNITIES_PER_SUBDISTRICT} communities; it keeps the sample subdistrict's own records (about 94), and each
 * community gets one sample community's records (about 5% left out) plus records drawn from all sample communities'
 * records, moved by up to a month, to about the requested count; a third of the communities lack one kind of
 * record altogether, so that some duties are gaps.
 * A city is an NDJSON file: one subdistrict's submission per line.
 *
 * <pre>{@code
 * CityGenerator g = new CityGenerator(42);
 * g.writeCity(Path.of("city.ndjson"), 2000, 200);   // 200 subdistricts of 10 communities, ~200 records each
 * byte[] one = g.subdistrict(7, 10, 300);           // one submission, as JSON
 * }</pre>
 */
public final class CityGenerator {
    public static final int COMMUNITIES_PER_SUBDISTRICT = 10;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final LocalDate FIRST = LocalDate.of(2023, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2023, 12, 31);

    private final long seed;
    private final List<ObjectNode> subdistrictRecords = new ArrayList<>();
    private final List<List<ObjectNode>> communityRecords = new ArrayList<>();
    private final List<ObjectNode> allCommunityRecords = new ArrayList<>();

    public CityGenerator(long seed) {
        this.seed = seed;
        JsonNode sample;
        try (InputStream in = CityGenerator.class.getResourceAsStream("compliant.json")) {
            sample = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String subdistrict = null;
        List<String> communities = new ArrayList<>();
        for (JsonNode u : sample.get("units")) {
            if (u.get("level").asText().equals("subdistrict")) {
                subdistrict = u.get("id").asText();
            } else {
                communities.add(u.get("id").asText());
                communityRecords.add(new ArrayList<>());
            }
        }
        for (JsonNode a : sample.get("activities")) {
            String unit = a.get("unit").asText();
            if (unit.equals(subdistrict)) {
                subdistrictRecords.add((ObjectNode) a);
            } else {
                communityRecords.get(communities.indexOf(unit)).add((ObjectNode) a);
                allCommunityRecords.add((ObjectNode) a);
            }
        }
    }

    /** Subdistrict {@code index}'s submission as JSON bytes (one line, no line break). */
    public byte[] subdistrict(int index, int communities, int recordsPerCommunity) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        String sd = "S" + index;
        ObjectNode root = MAPPER.createObjectNode().put("year", 2023);
        ArrayNode units = root.putArray("units");
        units.addObject().put("id", sd).put("name", "第" + index + "街道").put("level", "subdistrict");
        ArrayNode activities = root.putArray("activities");
        for (ObjectNode t : subdistrictRecords) {
            activities.add(copy(t, sd + "-" + t.get("id").asText(), sd, sd, 0));
        }
        for (int c = 0; c < communities; c++) {
            String unit = sd + "C" + c;
            units.addObject().put("id", unit).put("name", "第" + index + "街道第" + c + "社区").put("level", "community");
            int n = 0;
            // About a third of the communities miss one kind of record altogether, so that some duties are gaps.
            String missing = random.nextInt(3) == 0
                    ? allCommunityRecords.get(random.nextInt(allCommunityRecords.size())).get("kind").asText() : "";
            for (ObjectNode t : communityRecords.get(c % communityRecords.size())) {
                if (t.get("kind").asText().equals(missing) || random.nextInt(100) < 5 && !t.has("relatesTo")) {
                    continue;
                }
                activities.add(copy(t, unit + "-" + n++, unit, sd, 0));
            }
            int target = recordsPerCommunity - recordsPerCommunity / 10 + random.nextInt(recordsPerCommunity / 5 + 1);
            while (n < target) {
                ObjectNode t = allCommunityRecords.get(random.nextInt(allCommunityRecords.size()));
                if (t.has("relatesTo") || t.has("endDate") || t.get("kind").asText().equals(missing)) {
                    continue;
                }
                ObjectNode a = copy(t, unit + "-" + n, unit, sd, random.nextInt(61) - 30);
                a.put("title", t.get("title").asText() + "（第" + n + "次）");
                activities.add(a);
                n++;
            }
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode copy(ObjectNode template, String id, String unit, String subdistrict, int shiftDays) {
        ObjectNode a = template.deepCopy();
        a.put("id", id);
        a.put("unit", unit);
        if (a.has("relatesTo")) {
            // Community records answer the subdistrict's (a drive, a disaster) or their own community's records.
            String target = a.get("relatesTo").asText();
            a.put("relatesTo", target.startsWith("DC-") ? subdistrict + "-" + target : target);
        }
        if (shiftDays != 0) {
            LocalDate d = LocalDate.parse(a.get("date").asText()).plusDays(shiftDays);
            a.put("date", (d.isBefore(FIRST) ? FIRST : d.isAfter(LAST) ? LAST : d).toString());
        }
        return a;
    }

    /** Writes a city of about {@code communities} communities as NDJSON; returns the number of records. */
    public long writeCity(Path file, int communities, int recordsPerCommunity) throws IOException {
        long records = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            int subdistricts = Math.max(1, communities / COMMUNITIES_PER_SUBDISTRICT);
            for (int i = 0; i < subdistricts; i++) {
                byte[] line = subdistrict(i, COMMUNITIES_PER_SUBDISTRICT, recordsPerCommunity);
                records += MAPPER.readTree(line).get("activities").size();
                out.write(line);
                out.write('\n');
            }
        }
        return records;
    }
}
