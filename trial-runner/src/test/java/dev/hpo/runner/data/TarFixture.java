package dev.hpo.runner.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds ustar archives (headers with checksums, as tar writes them) in memory. */
final class TarFixture {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    TarFixture folder(String name) {
        entries.put(name.endsWith("/") ? name : name + "/", null);
        return this;
    }

    TarFixture file(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    byte[] tar() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            byte[] content = entry.getValue();
            out.writeBytes(header(entry.getKey(), content == null ? 0 : content.length, content == null ? '5' : '0'));
            if (content != null) {
                out.writeBytes(content);
                out.writeBytes(new byte[(512 - content.length % 512) % 512]);
            }
        }
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    byte[] tarGz() {
        return DataFixtures.gzip(tar());
    }

    private static byte[] header(String name, long size, char type) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0001750");
        put(header, 116, "0001750");
        put(header, 124, String.format("%011o", size));
        put(header, 136, String.format("%011o", 1_700_000_000L));
        Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = (byte) type;
        put(header, 257, "ustar");
        put(header, 263, "00");
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        return header;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
