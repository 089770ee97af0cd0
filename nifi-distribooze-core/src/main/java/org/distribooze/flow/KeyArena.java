package org.distribooze.flow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Packet keys stored side by side in one byte array, so a table can be keyed on raw packet bytes without
 * an object or String per key. A key is an IP protocol number, a 32-bit tag read from the packet (a
 * flow's two ports, or a datagram's fragment identification) and the source and destination addresses,
 * which sit next to each other in both IPv4 and IPv6 headers. Layout of each 40-byte slot: protocol,
 * address length (4 or 16), two spare bytes, the tag, then both addresses.
 */
final class KeyArena {

    static final int MAX_ADDRESS_LENGTH = 16;

    private static final int STRIDE = 40;
    private static final int TAG = 4;
    private static final int ADDRESSES = 8;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private byte[] keys;

    KeyArena(int slots) {
        keys = new byte[slots * STRIDE];
    }

    int capacity() {
        return keys.length / STRIDE;
    }

    void grow(int slots) {
        keys = Arrays.copyOf(keys, slots * STRIDE);
    }

    /** The tag as raw packet bytes in a native-order int, so storing it gives back the packet's bytes. */
    static int tagAt(byte[] packet, int offset) {
        return (int) INT.get(packet, offset);
    }

    static int hash(byte[] packet, int addressOffset, int addressLength, int protocol, int tag) {
        int h = protocol * 31 + addressLength;
        h = mix(h, tag);
        int end = addressOffset + 2 * addressLength;
        for (int at = addressOffset; at < end; at += 4) {
            h = mix(h, (int) INT.get(packet, at));
        }
        return finish(h);
    }

    void store(int slot, byte[] packet, int addressOffset, int addressLength, int protocol, int tag) {
        int base = slot * STRIDE;
        keys[base] = (byte) protocol;
        keys[base + 1] = (byte) addressLength;
        INT.set(keys, base + TAG, tag);
        System.arraycopy(packet, addressOffset, keys, base + ADDRESSES, 2 * addressLength);
    }

    boolean matches(int slot, byte[] packet, int addressOffset, int addressLength, int protocol, int tag) {
        int base = slot * STRIDE;
        int addresses = base + ADDRESSES;
        return keys[base] == (byte) protocol
                && keys[base + 1] == addressLength
                && (int) INT.get(keys, base + TAG) == tag
                && Arrays.equals(keys, addresses, addresses + 2 * addressLength,
                        packet, addressOffset, addressOffset + 2 * addressLength);
    }

    void copyFrom(KeyArena other, int fromSlot, int toSlot) {
        System.arraycopy(other.keys, fromSlot * STRIDE, keys, toSlot * STRIDE, STRIDE);
    }

    int protocol(int slot) {
        return keys[slot * STRIDE] & 0xFF;
    }

    int addressLength(int slot) {
        return keys[slot * STRIDE + 1];
    }

    /** The first 16 bits of the tag as they were in the packet (a flow's source port). */
    int tagHigh(int slot) {
        int at = slot * STRIDE + TAG;
        return (keys[at] & 0xFF) << 8 | keys[at + 1] & 0xFF;
    }

    /** The last 16 bits of the tag as they were in the packet (a flow's destination port). */
    int tagLow(int slot) {
        int at = slot * STRIDE + TAG + 2;
        return (keys[at] & 0xFF) << 8 | keys[at + 1] & 0xFF;
    }

    String sourceText(int slot) {
        return AddressText.format(keys, slot * STRIDE + ADDRESSES, addressLength(slot));
    }

    String destinationText(int slot) {
        int length = addressLength(slot);
        return AddressText.format(keys, slot * STRIDE + ADDRESSES + length, length);
    }

    private static int mix(int h, int word) {
        return Integer.rotateLeft(h ^ word * 0x9E3779B1, 13) * 5 + 0xE6546B64;
    }

    private static int finish(int h) {
        // The final avalanche of MurmurHash3, so low bits suit a power-of-two table.
        int f = h ^ h >>> 16;
        f *= 0x85EBCA6B;
        f ^= f >>> 13;
        f *= 0xC2B2AE35;
        return f ^ f >>> 16;
    }
}
