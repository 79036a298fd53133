package dev.plancheck.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict, bounded reader of {@code multipart/form-data} bodies (RFC 7578), for a body already held in memory and
 * already bounded in size. It accepts what browsers and {@code curl -F} send and refuses anything else with a Chinese
 * message: no preamble games, no nested multiparts, at most {@code maxParts} parts and 8 KB of headers per part.
 */
final class Multipart {
    static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    /** One part: a form field ({@code fileName == null}) or a file. */
    record Part(String name, String fileName, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /** A body that is not well-formed multipart. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        /** True when the body is well formed but has more parts than one request may carry. */
        final boolean tooManyParts;

        MalformedException(String message) {
            this(message, false);
        }

        MalformedException(String message, boolean tooManyParts) {
            super(message);
            this.tooManyParts = tooManyParts;
        }
    }

    private Multipart() {
    }

    /** The boundary of a {@code multipart/form-data} content type, or null when it is not one. */
    static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("multipart/form-data")) {
            return null;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                // RFC 2046: 1 to 70 characters.
                return b.isEmpty() || b.length() > 70 ? null : b;
            }
        }
        return null;
    }

    /** Reads every part, in order. */
    static List<Part> parse(byte[] body, String boundary, int maxParts) throws MalformedException {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        if (!startsWith(body, 0, delimiter)) {
            throw new MalformedException("请求体不是以分隔符开头的 multipart/form-data");
        }
        List<Part> parts = new ArrayList<>();
        int pos = delimiter.length;
        while (true) {
            if (startsWith(body, pos, new byte[] {'-', '-'})) {
                return parts; // the closing delimiter; anything after it is an epilogue and ignored
            }
            if (!startsWith(body, pos, CRLF)) {
                throw new MalformedException("分隔符之后应换行（CRLF）");
            }
            pos += 2;
            int headersEnd = indexOf(body, HEADER_END, pos, Math.min(body.length, pos + MAX_HEADER_BYTES + 4));
            if (headersEnd < 0) {
                throw new MalformedException("某一部分的头部没有结束，或超过 " + MAX_HEADER_BYTES + " 字节");
            }
            Map<String, String> headers = headers(new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8));
            int contentStart = headersEnd + HEADER_END.length;
            int contentEnd = indexOf(body, next, contentStart, body.length);
            if (contentEnd < 0) {
                throw new MalformedException("请求体不完整：缺少结束分隔符");
            }
            if (parts.size() == maxParts) {
                throw new MalformedException("一次请求的部分超过 " + maxParts + " 个", true);
            }
            parts.add(part(headers, java.util.Arrays.copyOfRange(body, contentStart, contentEnd)));
            pos = contentEnd + next.length;
        }
    }

    private static Part part(Map<String, String> headers, byte[] content) throws MalformedException {
        String disposition = headers.get("content-disposition");
        if (disposition == null) {
            throw new MalformedException("某一部分缺少 Content-Disposition 头");
        }
        Map<String, String> params = new LinkedHashMap<>();
        String type = parameters(disposition, params);
        if (!type.equalsIgnoreCase("form-data") || !params.containsKey("name")) {
            throw new MalformedException("Content-Disposition 应为 form-data 并带 name，实际是：" + disposition);
        }
        return new Part(params.get("name"), params.get("filename"), content);
    }

    private static Map<String, String> headers(String block) throws MalformedException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r\n", -1)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedException("无法识别的部分头部：" + line);
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return headers;
    }

    /** Parses {@code form-data; name="a"; filename="b.xlsx"} into params; returns the value before them. */
    private static String parameters(String header, Map<String, String> params) throws MalformedException {
        int i = header.indexOf(';');
        String value = (i < 0 ? header : header.substring(0, i)).trim();
        while (i >= 0 && i < header.length()) {
            i++;
            while (i < header.length() && header.charAt(i) == ' ') {
                i++;
            }
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                throw new MalformedException("Content-Disposition 的参数缺少“=”：" + header);
            }
            String key = header.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            String v;
            if (j < header.length() && header.charAt(j) == '"') {
                StringBuilder sb = new StringBuilder();
                j++;
                while (j < header.length() && header.charAt(j) != '"') {
                    char c = header.charAt(j);
                    if (c == '\\' && j + 1 < header.length()) {
                        c = header.charAt(++j);
                    }
                    sb.append(c);
                    j++;
                }
                if (j >= header.length()) {
                    throw new MalformedException("Content-Disposition 的引号没有闭合：" + header);
                }
                v = sb.toString();
                j++;
            } else {
                int end = header.indexOf(';', j);
                v = header.substring(j, end < 0 ? header.length() : end).trim();
                j = end < 0 ? header.length() : end;
            }
            params.putIfAbsent(key, v);
            i = header.indexOf(';', j);
        }
        return value;
    }

    private static boolean startsWith(byte[] body, int pos, byte[] prefix) {
        if (pos + prefix.length > body.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (body[pos + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] needle, int from, int to) {
        for (int i = from; i <= to - needle.length; i++) {
            if (body[i] == needle[0] && startsWith(body, i, needle)) {
                return i;
            }
        }
        return -1;
    }
}
