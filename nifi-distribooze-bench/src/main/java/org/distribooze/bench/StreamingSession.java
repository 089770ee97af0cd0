package org.distribooze.bench;

import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.flowfile.attributes.CoreAttributes;
import org.apache.nifi.processor.Processor;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.MockProcessSession;
import org.apache.nifi.util.SharedSessionState;

/**
 * NiFi's mock session with content on disk, as NiFi's own content repository keeps it: nifi-mock holds every
 * FlowFile's content in a byte array, which a capture of a gigabyte does not fit in a small heap. A capture
 * enqueued here is read from its file as a stream, and what the processor writes goes to a file beside the
 * others, so the heap holds only what the processor itself keeps.
 */
final class StreamingSession extends MockProcessSession {

    private static final int WRITE_BUFFER = 1 << 16;

    private final SharedSessionState state;
    private final Path outputFolder;
    private final Map<Long, Path> contents = new HashMap<>();

    private StreamingSession(SharedSessionState state, Processor processor, Path outputFolder) {
        super(state, processor);
        this.state = state;
        this.outputFolder = outputFolder;
    }

    static StreamingSession of(Processor processor, Path outputFolder) {
        return new StreamingSession(new SharedSessionState(processor, new AtomicLong()),
                processor, outputFolder);
    }

    /** Queues a FlowFile whose content is the file, unread until the processor reads it. */
    void enqueue(Path content) {
        MockFlowFile flowFile = new MockFlowFile(state.nextFlowFileId());
        flowFile.putAttributes(Map.of(CoreAttributes.FILENAME.key(), content.getFileName().toString()));
        contents.put(flowFile.getId(), content);
        state.getFlowFileQueue().offer(flowFile);
    }

    /** Where a FlowFile's content is, for content this session wrote or was given. */
    Path contentOf(FlowFile flowFile) {
        return contents.get(flowFile.getId());
    }

    @Override
    public InputStream read(FlowFile flowFile) {
        Path content = contents.get(flowFile.getId());
        if (content == null) {
            return super.read(flowFile);
        }
        try {
            return new FileInputStream(content.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public OutputStream write(FlowFile flowFile) {
        Path content = outputFolder.resolve("flowfile-" + flowFile.getId());
        contents.put(flowFile.getId(), content);
        try {
            return new BufferedOutputStream(Files.newOutputStream(content), WRITE_BUFFER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
