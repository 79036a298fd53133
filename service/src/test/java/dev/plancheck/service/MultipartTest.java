package dev.plancheck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void reads_fields_and_files_as_a_browser_sends_them() throws Exception {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"pack\"\r\n\r\ndianchang-2023\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"ledgers\"; filename=\"社区 \\\"一\\\".csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\na,b\r\n--X\r\n\r\n--XyZ--\r\n";
        List<Multipart.Part> parts = Multipart.parse(bytes(body), Multipart.boundary("multipart/form-data; boundary=XyZ"), 5);
        assertEquals(2, parts.size());
        assertEquals("pack", parts.get(0).name());
        assertNull(parts.get(0).fileName());
        assertEquals("dianchang-2023", parts.get(0).text());
        assertEquals("社区 \"一\".csv", parts.get(1).fileName());
        assertEquals("a,b\r\n--X\r\n", parts.get(1).text(), "a near-delimiter inside content is content");
    }

    @Test
    void takes_a_quoted_boundary_and_refuses_other_content_types() {
        assertEquals("a b", Multipart.boundary("multipart/form-data; charset=utf-8; boundary=\"a b\""));
        assertNull(Multipart.boundary("application/json"));
        assertNull(Multipart.boundary("multipart/mixed; boundary=x"));
        assertNull(Multipart.boundary("multipart/form-data"));
        assertNull(Multipart.boundary("multipart/form-data; boundary=" + "x".repeat(71)));
    }

    @Test
    void refuses_malformed_bodies_with_a_chinese_message() {
        var noEnd = assertThrows(Multipart.MalformedException.class, () -> Multipart.parse(
                bytes("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue"), "b", 5));
        assertEquals("请求体不完整：缺少结束分隔符", noEnd.getMessage());
        var preamble = assertThrows(Multipart.MalformedException.class, () -> Multipart.parse(bytes("junk--b--"), "b", 5));
        assertEquals("请求体不是以分隔符开头的 multipart/form-data", preamble.getMessage());
        var noName = assertThrows(Multipart.MalformedException.class, () -> Multipart.parse(
                bytes("--b\r\nContent-Disposition: attachment\r\n\r\nx\r\n--b--"), "b", 5));
        assertEquals("Content-Disposition 应为 form-data 并带 name，实际是：attachment", noName.getMessage());
        var hugeHeader = assertThrows(Multipart.MalformedException.class, () -> Multipart.parse(
                bytes("--b\r\nX-Long: " + "x".repeat(9000) + "\r\n\r\nx\r\n--b--"), "b", 5));
        assertEquals("某一部分的头部没有结束，或超过 8192 字节", hugeHeader.getMessage());
    }

    @Test
    void stops_at_the_part_limit() {
        String part = "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n";
        var e = assertThrows(Multipart.MalformedException.class, () -> Multipart.parse(bytes(part.repeat(4) + "--b--"), "b", 3));
        assertEquals("一次请求的部分超过 3 个", e.getMessage());
    }
}
