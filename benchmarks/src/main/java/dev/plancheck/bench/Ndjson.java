package dev.plancheck.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an NDJSON file one line (one submission) at a time, so memory holds one subdistrict, not the city. */
final class Ndjson {
    interface LineHandler {
        void accept(int lineNo, byte[] line) throws Exception;
    }

    private Ndjson() {
    }

    static int forEachLine(Path file, LineHandler handler) throws Exception {
        int n = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(1 << 20);
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    if (line.size() > 0) {
                        handler.accept(++n, line.toByteArray());
                    }
                    line.reset();
                } else {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                handler.accept(++n, line.toByteArray());
            }
        }
        return n;
    }
}
