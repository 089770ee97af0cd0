package org.distribooze.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The names captures take in the folder ListFile reads, and what the report is told about them. */
class CaptureInboxTest {

    @TempDir
    Path captures;

    @TempDir
    Path inboxes;

    @Test
    void givenAHiddenCaptureByName_whenLinked_thenItLosesItsDotsAndIsRenamed() throws IOException {
        Path hidden = Files.createFile(captures.resolve("..hid.pcap"));

        try (CaptureInbox inbox = CaptureInbox.of(List.of(hidden), inboxes)) {
            assertEquals(List.of("hid.pcap"), names(inbox));
            assertEquals(Map.of("hid.pcap", new CaptureInbox.Renamed(hidden,
                    "ListFile skips names that start with a dot")), inbox.renamed());
        }
    }

    @Test
    void givenAControlCharacterInAName_whenLinked_thenItBecomesAnUnderscoreAndThePathPrintsOnOneLine()
            throws IOException {
        Path odd = Files.createFile(captures.resolve("line\nbreak\t.pcap"));

        try (CaptureInbox inbox = CaptureInbox.of(List.of(odd), inboxes)) {
            assertEquals(List.of("line_break_.pcap"), names(inbox));
            CaptureInbox.Renamed renamed = inbox.renamed().get("line_break_.pcap");
            assertEquals(captures + "/line\\nbreak\\t.pcap", renamed.file());
            assertEquals("control characters became _, since ListFile skips names with line breaks",
                    renamed.reason());
        }
    }

    @Test
    void givenA300ByteName_whenMadeSafe_thenItKeeps200BytesWithItsExtensionAndSplitsNoCharacter() {
        String name = "é".repeat(150) + ".pcap";

        String safe = InboxNames.safeName(name);

        // 2 bytes each: 97 of them (194 bytes) and ".pcap" (5) fit in 200; a 98th would not.
        assertEquals("é".repeat(97) + ".pcap", safe);
    }

    @Test
    void givenA250ByteNameThatClashes_whenLinked_thenBothFitAndTheSecondIsNumbered() throws IOException {
        String longName = "x".repeat(245) + ".pcap";
        Path first = Files.createFile(Files.createDirectories(captures.resolve("a")).resolve(longName));
        Path second = Files.createFile(Files.createDirectories(captures.resolve("b")).resolve(longName));
        String shortened = "x".repeat(195) + ".pcap";
        String numbered = "x".repeat(193) + "-2.pcap";

        try (CaptureInbox inbox = CaptureInbox.of(List.of(first, second), inboxes)) {
            assertEquals(List.of(numbered, shortened), names(inbox));
            String why = "shortened to 200 bytes, so that NiFi can write NAME.notice.json beside it";
            assertEquals(List.of(shortened, numbered), List.copyOf(inbox.renamed().keySet()));
            assertEquals(why, inbox.renamed().get(shortened).reason());
            assertEquals(why + "; " + shortened + " is " + first, inbox.renamed().get(numbered).reason());
        }
    }

    @Test
    void givenTheSameNameInThreeFolders_whenLinked_thenEachLaterOneIsNumberedAndTiedToTheFirst() throws IOException {
        List<Path> folders = new ArrayList<>();
        for (String folder : List.of("a", "b", "c")) {
            folders.add(Files.createDirectories(captures.resolve(folder)));
            Files.createFile(captures.resolve(folder).resolve("dns.pcap"));
        }

        try (CaptureInbox inbox = CaptureInbox.of(folders, inboxes)) {
            String clash = "dns.pcap is " + captures.resolve("a/dns.pcap");
            assertEquals(List.of("dns-2.pcap", "dns-3.pcap", "dns.pcap"), names(inbox));
            assertEquals(List.of(
                    new CaptureInbox.Renamed(captures.resolve("b/dns.pcap"), clash),
                    new CaptureInbox.Renamed(captures.resolve("c/dns.pcap"), clash)),
                    List.copyOf(inbox.renamed().values()));
            assertEquals(List.of("dns-2.pcap", "dns-3.pcap"), List.copyOf(inbox.renamed().keySet()));
        }
    }

    @Test
    void givenACaptureNamedAsAnothersReason_whenLinked_thenTheLaterOneIsNumbered() throws IOException {
        Path capture = Files.createFile(captures.resolve("x"));
        Path lookalike = Files.createFile(captures.resolve("x.reason.json"));

        try (CaptureInbox first = CaptureInbox.of(List.of(capture, lookalike), inboxes);
                CaptureInbox second = CaptureInbox.of(List.of(lookalike, capture), inboxes)) {
            assertEquals(List.of("x", "x.reason-2.json"), names(first));
            assertEquals("x.reason.json is where the .reason.json of " + capture + " goes",
                    first.renamed().get("x.reason-2.json").reason());
            assertEquals(List.of("x-2", "x.reason.json"), names(second));
            assertEquals("x.reason.json is " + lookalike + ", where x's .reason.json would go",
                    second.renamed().get("x-2").reason());
        }
    }

    @Test
    void givenManyRenamedCaptures_whenLinked_thenTheyAreListedInTheOrderGiven() throws IOException {
        List<Path> given = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String name : List.of("k", "c", "x", "a", "q", "m", "b", "z", "f", "d", "y", "e")) {
            given.add(Files.createFile(captures.resolve("." + name + ".pcap")));
            expected.add(name + ".pcap");
        }

        try (CaptureInbox inbox = CaptureInbox.of(given, inboxes)) {
            assertEquals(expected, List.copyOf(inbox.renamed().keySet()));
        }
    }

    @Test
    void givenAFolderWithOnlyAHiddenFile_whenLinked_thenTheRefusalSaysWhatWasSkipped() throws IOException {
        Path folder = Files.createDirectories(captures.resolve("only-hidden"));
        Files.createFile(folder.resolve(".dns.pcap"));

        IOException refused = assertThrows(IOException.class, () -> CaptureInbox.of(List.of(folder), inboxes));

        assertTrue(refused.getMessage().startsWith("no capture in [" + folder + "]: "), refused.getMessage());
        assertTrue(refused.getMessage().contains("1 hidden file"), refused.getMessage());
    }

    @Test
    void givenAFolderWithHiddenFilesAndSubFolders_whenLinked_thenOnlyItsVisibleFilesAreTakenAndTheRestIsNoted()
            throws Exception {
        Path folder = Files.createDirectories(captures.resolve("in"));
        Path visible = Files.createFile(folder.resolve("dns.pcap"));
        Files.createFile(folder.resolve(".one.pcap"));
        Files.createFile(folder.resolve(".two.pcap"));
        Files.createDirectories(folder.resolve(".git"));
        Files.createDirectories(folder.resolve("older"));
        Files.createSymbolicLink(folder.resolve("gone.pcap"), captures.resolve("missing.pcap"));
        assertEquals(0, new ProcessBuilder("mkfifo", folder.resolve("live.pcap").toString()).start().waitFor());

        try (CaptureInbox inbox = CaptureInbox.of(List.of(folder), inboxes)) {
            assertEquals(List.of(visible), inbox.captures());
            assertEquals(List.of("skipped in " + folder + ": 3 hidden files, 1 sub-folder (not searched),"
                    + " 1 broken symbolic link, 1 FIFO, device or socket"), inbox.skipped());
            assertEquals(Map.of(), inbox.renamed());
        }
    }

    @Test
    void givenALinkThatCannotBeMade_whenLinked_thenNoInboxFolderIsLeftBehind() throws IOException {
        Path first = Files.createFile(captures.resolve("dns.pcap"));
        Path second = Files.createFile(captures.resolve("http.pcap"));
        IOException refused = new IOException("no room");
        List<Path> made = new ArrayList<>();
        CaptureInbox.Linker failsOnTheSecond = (link, target) -> {
            if (!made.isEmpty()) {
                throw refused;
            }
            made.add(Files.createSymbolicLink(link, target));
        };

        IOException thrown = assertThrows(IOException.class,
                () -> CaptureInbox.of(List.of(first, second), inboxes, failsOnTheSecond));

        assertSame(refused, thrown);
        assertEquals(1, made.size());
        try (Stream<Path> left = Files.list(inboxes)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void givenAFifoByName_whenLinked_thenItIsRefusedAsNoCapture() throws Exception {
        Path fifo = captures.resolve("live.pcap");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());

        IOException thrown = assertThrows(IOException.class, () -> CaptureInbox.of(List.of(fifo), inboxes));

        assertTrue(thrown.getMessage().contains(fifo + " is a FIFO, device or socket"), thrown.getMessage());
    }

    private static List<String> names(CaptureInbox inbox) throws IOException {
        try (Stream<Path> links = Files.list(inbox.folder())) {
            return links.map(link -> link.getFileName().toString()).sorted().toList();
        }
    }
}
