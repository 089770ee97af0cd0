package org.distribooze.flow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Packet keys stored side by side in byte arrays, so a table can be keyed on raw packet bytes without an
 * object or String per key. A key is an IP protocol number, a 32-bit tag read from the packet (a flow's two
 * ports, or a datagram's fragment identification) and the source and destination addresses, which sit next
 * to each other in both IPv4 and IPv6 headers. Layout of each 40-byte slot: protocol, address length (4 or
 * 16), two spare bytes, the tag, then both addresses.
 *
 * <p>Slots live in pages of {@value #PAGE_SLOTS}: growing adds pages and never copies the keys already
 * stored, so a table of a million keys does not need room for two copies of them while it grows.
 */
final class KeyArena {

    static final int MAX_ADDRESS_LENGTH = 16;
    static final int PAGE_BITS = 10;
    static final int PAGE_SLOTS = 1 << PAGE_BITS;
    static final int SLOT_MASK = PAGE_SLOTS - 1;

    private static final int STRIDE = 40;
    private static final int TAG = 4;
    private static final int ADDRESSES = 8;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private byte[][] pages = new byte[0][];

    KeyArena(int slots) {
        grow(slots);
    }

    int capacity() {
        return pages.length * PAGE_SLOTS;
    }

    /** Makes room for at least {@code slots} keys. */
    void grow(int slots) {
        int needed = (slots + SLOT_MASK) >>> PAGE_BITS;
        if (needed <= pages.length) {
            return;
        }
        byte[][] grown = Arrays.copyOf(pages, needed);
        for (int page = pages.length; page < needed; page++) {
            grown[page] = new byte[PAGE_SLOTS * STRIDE];
        }
        pages = grown;
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
        byte[] keys = page(slot);
        int base = base(slot);
        keys[base] = (byte) protocol;
        keys[base + 1] = (byte) addressLength;
        INT.set(keys, base + TAG, tag);
        System.arraycopy(packet, addressOffset, keys, base + ADDRESSES, 2 * addressLength);
    }

    boolean matches(int slot, byte[] packet, int addressOffset, int addressLength, int protocol, int tag) {
        byte[] keys = page(slot);
        int base = base(slot);
        int addresses = base + ADDRESSES;
        return keys[base] == (byte) protocol
                && keys[base + 1] == addressLength
                && (int) INT.get(keys, base + TAG) == tag
                && Arrays.equals(keys, addresses, addresses + 2 * addressLength,
                        packet, addressOffset, addressOffset + 2 * addressLength);
    }

    void copyFrom(KeyArena other, int fromSlot, int toSlot) {
        System.arraycopy(other.page(fromSlot), base(fromSlot), page(toSlot), base(toSlot), STRIDE);
    }

    int protocol(int slot) {
        return page(slot)[base(slot)] & 0xFF;
    }

    int addressLength(int slot) {
        return page(slot)[base(slot) + 1];
    }

    /** The first 16 bits of the tag as they were in the packet (a flow's source port). */
    int tagHigh(int slot) {
        return u16(page(slot), base(slot) + TAG);
    }

    /** The last 16 bits of the tag as they were in the packet (a flow's destination port). */
    int tagLow(int slot) {
        return u16(page(slot), base(slot) + TAG + 2);
    }

    String sourceText(int slot) {
        return AddressText.format(page(slot), base(slot) + ADDRESSES, addressLength(slot));
    }

    String destinationText(int slot) {
        int length = addressLength(slot);
        return AddressText.format(page(slot), base(slot) + ADDRESSES + length, length);
    }

    private byte[] page(int slot) {
        return pages[slot >>> PAGE_BITS];
    }

    private static int base(int slot) {
        return (slot & SLOT_MASK) * STRIDE;
    }

    private static int u16(byte[] keys, int at) {
        return (keys[at] & 0xFF) << 8 | keys[at + 1] & 0xFF;
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
