package org.hotline.campaign.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * Which encoding an uploaded file is in. Lists come as UTF-8 (with or without the byte-order
 * mark spreadsheets write) or as GB18030 (GBK, GB2312: what Excel on a Chinese Windows saves as
 * "CSV"). A file is UTF-8 when every byte of it decodes as UTF-8, strictly; else GB18030 when
 * every byte decodes as that; else it is refused. Chinese text in GB18030 almost never happens to
 * be valid UTF-8, so the order does not mistake one for the other; plain ASCII is both.
 */
final class TextEncoding {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int CHUNK = 64 * 1024;

    /**
     * @param charset    the encoding
     * @param bomLength  how many bytes of byte-order mark to skip before the text
     */
    record Detected(Charset charset, int bomLength) {
    }

    /** Something that can be read from the start more than once. */
    interface Source {
        InputStream open() throws IOException;
    }

    private TextEncoding() {
    }

    static Detected detect(Source source) throws IOException, UploadRefused {
        byte[] start;
        try (InputStream in = source.open()) {
            start = in.readNBytes(3);
        }
        if (start.length >= 2 && ((start[0] == (byte) 0xFF && start[1] == (byte) 0xFE) || (start[0] == (byte) 0xFE && start[1] == (byte) 0xFF))) {
            throw UploadRefused.because("the file is UTF-16 text (Excel's \"Unicode text\"): save it as \"CSV UTF-8\" instead");
        }
        boolean bom = start.length == 3 && start[0] == (byte) 0xEF && start[1] == (byte) 0xBB && start[2] == (byte) 0xBF;
        OptionalLong badUtf8 = firstBadLine(source, StandardCharsets.UTF_8, bom ? 3 : 0);
        if (badUtf8.isEmpty()) {
            return new Detected(StandardCharsets.UTF_8, bom ? 3 : 0);
        }
        if (bom) {
            throw UploadRefused.because("the file says it is UTF-8 but line " + badUtf8.getAsLong()
                    + " is not UTF-8 text: save it again as \"CSV UTF-8\"");
        }
        if (firstBadLine(source, GB18030, 0).isEmpty()) {
            return new Detected(GB18030, 0);
        }
        throw UploadRefused.because("the file is neither UTF-8 nor GB18030 text (line " + badUtf8.getAsLong()
                + " is not UTF-8): save it as \"CSV UTF-8\"");
    }

    /** A decoder that stops at the first byte it cannot decode, rather than writing a replacement character. */
    static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The line of the first bytes that do not decode, or empty when all of them do. Reads a chunk at a time. */
    private static OptionalLong firstBadLine(Source source, Charset charset, int skip) throws IOException {
        CharsetDecoder decoder = strict(charset);
        ByteBuffer in = ByteBuffer.allocate(CHUNK).flip();
        CharBuffer out = CharBuffer.allocate(CHUNK); // neither encoding makes more characters than bytes
        long line = 1;
        try (InputStream stream = source.open()) {
            stream.skipNBytes(skip);
            boolean end = false;
            while (true) {
                in.compact();
                int read = stream.read(in.array(), in.position(), in.remaining());
                end = read < 0;
                in.position(in.position() + Math.max(read, 0)).flip();
                int from = in.position();
                CoderResult result = decoder.decode(in, out, end);
                line += newlines(in.array(), from, in.position());
                out.clear();
                if (result.isError() || (end && decoder.flush(out).isError())) {
                    return OptionalLong.of(line);
                }
                if (end) {
                    return OptionalLong.empty();
                }
            }
        }
    }

    /** Line feeds in a run of bytes: in UTF-8 and GB18030 the byte 0x0A is never part of another character. */
    private static int newlines(byte[] bytes, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }
}
