package org.distribooze.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a hostile capture: one 40-byte TCP SYN per flow, every one a new 4-tuple, as a scan or a SYN flood
 * with random source ports looks. Flow i goes from 192.0.2.(i mod 256), port 1024 + i / 256, to 203.0.113.1
 * port 443, so up to 256 x 64,512 distinct flows.
 *
 * <p>Usage: {@code DistinctFlowsCapture OUT.pcap FLOWS}.
 */
public final class DistinctFlowsCapture {

    private static final int ETHERNET = 1;
    private static final int FRAME = 14 + 20 + 20;
    private static final int MAX_FLOWS = 256 * (65536 - 1024);

    private DistinctFlowsCapture() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int flows = Integer.parseInt(args[1]);
        if (flows < 1 || flows > MAX_FLOWS) {
            throw new IllegalArgumentException("between 1 and " + MAX_FLOWS + " flows, got " + flows);
        }

        Path part = out.resolveSibling(out.getFileName() + ".part");
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
            file.write(fileHeader());
            ByteBuffer record = ByteBuffer.allocate(16 + FRAME);
            for (int flow = 0; flow < flows; flow++) {
                record.clear();
                record.order(ByteOrder.LITTLE_ENDIAN).putInt(1_700_000_000 + flow / 1_000_000)
                        .putInt(flow % 1_000_000).putInt(FRAME).putInt(FRAME);
                record.order(ByteOrder.BIG_ENDIAN);
                frame(record, flow);
                file.write(record.array());
            }
        }
        Files.move(part, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static byte[] fileHeader() {
        return ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(0xA1B2C3D4).putShort((short) 2)
                .putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(ETHERNET).array();
    }

    private static void frame(ByteBuffer b, int flow) {
        // Ethernet: locally administered MACs, IPv4.
        b.putInt(0x02000000).putShort((short) 1).putInt(0x02000000).putShort((short) 2).putShort((short) 0x0800);
        // IPv4: version 4, header 20, total length 40, id, DF, TTL 64, TCP, checksum left 0.
        b.put((byte) 0x45).put((byte) 0).putShort((short) 40).putShort((short) flow).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 6).putShort((short) 0);
        b.put((byte) 192).put((byte) 0).put((byte) 2).put((byte) flow);
        b.put((byte) 203).put((byte) 0).put((byte) 113).put((byte) 1);
        // TCP: ports, sequence, no ack, header 20, SYN, window, checksum 0, urgent 0.
        b.putShort((short) (1024 + (flow >>> 8))).putShort((short) 443).putInt(flow).putInt(0)
                .putShort((short) 0x5002).putShort((short) 0xFFFF).putInt(0);
    }
}
