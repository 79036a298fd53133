package dev.plancheck.json;

import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The first pass over an input: its size and its encoding, in bounded memory. The JSON parser then reads the
 * text as UTF-8 only, so bytes that another encoding would explain (NUL bytes of UTF-16, say) are reported as
 * what they are instead of being guessed at.
 */
public final class Utf8Scan {
    private Utf8Scan() {
    }

    /** Opens an input afresh each time: it is read twice, once for its encoding and once as JSON. */
    @FunctionalInterface
    public interface Source {
        /** A new stream over the whole input. */
        InputStream open() throws IOException;
    }

    /** A problem with the input's size or encoding, or {@code null} when it is UTF-8 within the size limit. */
    public static Problem check(String file, Source source, long maxBytes) throws IOException {
        CharsetDecoder decoder = decoder();
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        long offset = 0;
        int line = 1;
        long nulAt = -1;
        try (InputStream s = source.open()) {
            while (true) {
                int n = s.read(in.array(), in.position(), in.remaining());
                boolean end = n < 0;
                if (!end) {
                    in.position(in.position() + n);
                    offset += n;
                    if (offset > maxBytes) {
                        return new Problem(ProblemCode.LIMIT_FILE_SIZE, file, 0, 0, "", "文件过大：超过上限 " + sizeText(maxBytes)
                                + "，未读取（上限可用 --max-file-mb 调整）");
                    }
                }
                in.flip();
                int start = in.position();
                CoderResult r = decoder.decode(in, out, end);
                out.flip();
                for (int i = 0; i < out.length(); i++) {
                    if (out.charAt(i) == '\n') {
                        line++;
                    }
                }
                out.clear();
                if (nulAt < 0) {
                    for (int i = start; i < in.position(); i++) {
                        if (in.get(i) == 0) {
                            nulAt = offset - (in.limit() - i);
                            break;
                        }
                    }
                }
                if (r.isError()) {
                    long bad = offset - in.remaining();
                    if (bad < 2 && in.remaining() >= 2 && ((in.get(in.position()) & 0xFF) == 0xFF && (in.get(in.position() + 1) & 0xFF) == 0xFE
                            || (in.get(in.position()) & 0xFF) == 0xFE && (in.get(in.position() + 1) & 0xFF) == 0xFF)) {
                        return new Problem(ProblemCode.ENCODING_INVALID, file, 1, 1, "", "文件是 UTF-16 编码（开头有 UTF-16 字节顺序标记）；请另存为 UTF-8");
                    }
                    if (nulAt >= 0) {
                        // UTF-16 and UTF-32 put NUL bytes beside ASCII characters; say that rather than "not UTF-8".
                        return new Problem(ProblemCode.ENCODING_INVALID, file, 0, 0, "", "文件中有 NUL 字符（0x00，第 " + (nulAt + 1)
                                + " 个字节），不是 UTF-8 文本；可能是 UTF-16/UTF-32 编码或文件已损坏，请另存为 UTF-8");
                    }
                    return new Problem(ProblemCode.ENCODING_INVALID, file, line, 0, "", "文件不是 UTF-8 编码（第 " + (bad + 1)
                            + " 个字节无法按 UTF-8 解读）；如果是用 GBK/GB2312 保存的，请另存为 UTF-8");
                }
                in.compact();
                if (end) {
                    return null;
                }
            }
        }
    }

    /** The text of a checked input, UTF-8 only, without a leading byte-order mark. */
    public static Reader reader(InputStream in) throws IOException {
        Reader r = new java.io.BufferedReader(new InputStreamReader(in, decoder()), 64 * 1024);
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        return r;
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    static String sizeText(long bytes) {
        return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " 字节";
    }
}
