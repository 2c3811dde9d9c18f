package dev.rankgauge.examples.cli;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A new file of bulk results: its first {@link #BUFFERED_BYTES} bytes written as any file's,
 * through the page cache, and the rest, if the file system takes it, straight to the storage
 * ({@link ExtendedOpenOption#DIRECT}, {@code O_DIRECT} on Linux), from two aligned buffers in
 * turn: a thread of its own writes one while the caller fills the other.
 *
 * <p>Why: a results file of 10,000,000 distributors holds 2.4 GB. Written through the page cache,
 * the kernel takes a fresh page of memory for every 4 KiB of it, and in a virtual machine that
 * can be dear: on the 2-core machine of docs/benchmarks.md, 2.4 GB took {@code dd} 1.3 to 14.9 s
 * of system CPU through the cache and 0.4 to 0.7 s past it, and the command line's write step at
 * 10,000,000 took 8.1 to 15.9 s through the cache and 6.3 to 9.9 s with this class (the
 * storage's own time, about 3 s, taken by the writing thread while the results are formatted).
 * Files up to {@link #BUFFERED_BYTES} (1,000,000 distributors' CSV is 242 MB) are written
 * exactly as before, and their bytes stay in the page cache for whoever reads them next.
 *
 * <p>Every byte written reaches the file by {@link #close()}, which throws what the writing
 * thread met; {@link #flush()} does nothing, since the storage takes only whole blocks. The
 * bytes past the cache are not kept in it. Where the file system refuses {@code O_DIRECT}
 * (tmpfs before Linux 6.6, some network file systems, a platform without it) the file is
 * written through the cache to its end, as it is with {@code -Drankgauge.directOutput=false}.
 * Not thread-safe: one writer.
 */
final class BulkFileOutput extends OutputStream {
  /** The bytes written through the page cache before the rest goes past it. */
  static final long BUFFERED_BYTES = 256L << 20;
  /** The system property that turns the part past the cache off. */
  static final String PROPERTY = "rankgauge.directOutput";
  /** Each of the two buffers of the direct part. */
  private static final int BUFFER_BYTES = 8 << 20;

  private final Path path;
  /** The file its messages name: the one the user asked for, which this one will replace. */
  private final Path name;
  private final long buffered;
  private final int bufferBytes;
  /** Opens the file past the cache: {@link ExtendedOpenOption#DIRECT} but in tests. */
  private final Opener opener;
  /** The file through the page cache: its first bytes, and at the end the last partial block. */
  private final FileChannel cached;
  /** Bytes written, through either channel or into the buffer being filled. */
  private long written;
  /** Whether the part past the cache has been tried (once: it is not tried again). */
  private boolean tried;
  private Direct direct;
  private boolean closed;

  /** How the part past the cache opens the file. */
  interface Opener {
    FileChannel open(Path path) throws IOException;
  }

  private static final Opener DIRECT =
      p -> FileChannel.open(p, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);

  private BulkFileOutput(Path path, Path name, long buffered, int bufferBytes, Opener opener)
      throws IOException {
    this.path = path;
    this.name = name;
    this.buffered = buffered;
    this.bufferBytes = bufferBytes;
    this.opener = opener;
    this.cached = FileChannel.open(path, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
  }

  /**
   * Creates or truncates {@code path} and writes into it; all of it through the cache when the
   * system property {@value #PROPERTY} is {@code false} (for a slow disk, whose writes the page
   * cache absorbs faster than the disk takes them). Its failures name {@code name}: the command
   * line writes a temporary file beside the one asked for, then moves it into place, and removes
   * it after a failure.
   */
  static BulkFileOutput open(Path path, Path name) throws IOException {
    return new BulkFileOutput(path, name, cachedBytes(System.getProperty(PROPERTY)),
        BUFFER_BYTES, DIRECT);
  }

  /** The bytes written through the cache for the property's value (null when it is not set). */
  static long cachedBytes(String property) {
    return property != null && property.strip().equalsIgnoreCase("false") ? Long.MAX_VALUE
        : BUFFERED_BYTES;
  }

  /**
   * {@link #open(Path, Path)} with the part through the cache and the buffers' size given, for
   * tests.
   */
  static BulkFileOutput open(Path path, long buffered, int bufferBytes) throws IOException {
    return open(path, buffered, bufferBytes, DIRECT);
  }

  /** {@link #open(Path, long, int)} with the part past the cache opened by {@code opener}. */
  static BulkFileOutput open(Path path, long buffered, int bufferBytes, Opener opener)
      throws IOException {
    return open(path, path, buffered, bufferBytes, opener);
  }

  /** {@link #open(Path, long, int, Opener)}, its failures naming {@code name}. */
  static BulkFileOutput open(Path path, Path name, long buffered, int bufferBytes, Opener opener)
      throws IOException {
    if (buffered < 0 || bufferBytes <= 0) {
      throw new IllegalArgumentException(buffered + ", " + bufferBytes);
    }
    return new BulkFileOutput(path, name, buffered, bufferBytes, opener);
  }

  /** Whether the bytes past {@link #BUFFERED_BYTES} went past the page cache (for tests). */
  boolean wentDirect() {
    return direct != null;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException(name + ": closed");
    }
    if (direct == null) {
      int n = tried ? len : (int) Math.min(len, Math.max(0, buffered - written));
      writeFully(name, cached, ByteBuffer.wrap(b, off, n), written);
      written += n;
      off += n;
      len -= n;
      if (len == 0) {
        return;
      }
      tried = true;
      direct = Direct.open(path, name, written, bufferBytes, opener);
      if (direct == null) {
        writeFully(name, cached, ByteBuffer.wrap(b, off, len), written);
        written += len;
        return;
      }
    }
    direct.write(b, off, len);
    written += len;
  }

  /**
   * Writes everything still buffered, the last partial block through the cache, and closes the
   * file; throws what the writing thread met.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (FileChannel c = cached) {
      if (direct != null) {
        ByteBuffer tail = direct.finish();
        writeFully(name, c, tail, written - tail.remaining());
      }
    } finally {
      if (direct != null) {
        direct.stop();
      }
    }
  }

  private static void writeFully(Path name, FileChannel c, ByteBuffer b, long at)
      throws IOException {
    try {
      while (b.hasRemaining()) {
        at += c.write(b, at);
      }
    } catch (IOException e) {
      throw named(name, e);
    }
  }

  /**
   * A failure to write {@code path}, naming it: the system's reason alone ("No space left on
   * device") does not say which file, or on which disk.
   */
  static IOException named(Path path, Throwable e) {
    return new IOException(path + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()),
        e);
  }

  /**
   * The part past the page cache: a channel opened with {@link ExtendedOpenOption#DIRECT}, two
   * buffers aligned to the file system's block, and the thread that writes a full one.
   */
  private static final class Direct {
    /** The file its messages name. */
    private final Path name;
    private final FileChannel channel;
    private final int block;
    /** The buffer being filled; a full one goes to {@link #full}, an empty one comes back. */
    private ByteBuffer filling;
    private final BlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(1);
    private final BlockingQueue<ByteBuffer> empty = new ArrayBlockingQueue<>(2);
    /** How long a wait lasts before the writing thread's failure is looked at again. */
    private static final long WAIT_MS = 50;
    private final Thread writer;
    /** What the writing thread met; read after it hands a buffer back or ends. */
    private volatile IOException failed;
    /** Whether the writing thread has written everything and ended. */
    private volatile boolean done;
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private Direct(Path name, FileChannel channel, int block, int bufferBytes) {
      this.name = name;
      this.channel = channel;
      this.block = block;
      int size = Math.max(block, bufferBytes / block * block);
      filling = aligned(size, block);
      empty.add(aligned(size, block));
      writer = new Thread(this::run, "rankgauge-write");
      writer.setDaemon(true);
      writer.start();
    }

    /**
     * Opens {@code path} past the cache, its position at {@code at}, or returns null where the
     * file system or the platform refuses it, or {@code at} is not a whole number of its blocks.
     */
    static Direct open(Path path, Path name, long at, int bufferBytes, Opener opener) {
      FileChannel c = null;
      try {
        long block = Files.getFileStore(path).getBlockSize();
        if (block <= 0 || block > (1 << 20) || at % block != 0) {
          return null;
        }
        c = opener.open(path);
        c.position(at);
        return new Direct(name, c, (int) block, bufferBytes);
      } catch (IOException | UnsupportedOperationException | UncheckedIOException e) {
        if (c != null) {
          try {
            c.close();
          } catch (IOException ignored) {
            // refused already; the file is written through the cache
          }
        }
        return null;
      }
    }

    private static ByteBuffer aligned(int size, int block) {
      return ByteBuffer.allocateDirect(size + block).alignedSlice(block).slice(0, size);
    }

    void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        int n = Math.min(len, filling.remaining());
        filling.put(b, off, n);
        off += n;
        len -= n;
        if (!filling.hasRemaining()) {
          hand(filling.flip());
          filling = takeEmpty();
        }
      }
    }

    /**
     * Writes the whole blocks still buffered and waits for the writing thread; returns the last
     * partial block's bytes, for the cached channel.
     */
    ByteBuffer finish() throws IOException {
      filling.flip();
      int whole = filling.limit() / block * block;
      ByteBuffer tail = filling.duplicate().position(whole);
      if (whole > 0) {
        hand(filling.duplicate().limit(whole));
      }
      hand(END);
      try {
        while (writer.isAlive()) {
          writer.join(WAIT_MS);
          check();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted writing the results");
      }
      check();
      channel.close();
      return tail;
    }

    /** Ends the writing thread, if it has not ended, and closes the channel. */
    void stop() {
      writer.interrupt();
      try {
        channel.close();
      } catch (IOException ignored) {
        // a failure of the caller's or the writing thread's is the one reported
      }
    }

    /** Hands a buffer to the writing thread, or throws what it met. */
    private void hand(ByteBuffer b) throws IOException {
      try {
        while (!full.offer(b, WAIT_MS, TimeUnit.MILLISECONDS)) {
          check();
        }
        check();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted writing the results");
      }
    }

    /** An empty buffer back from the writing thread, or what it met. */
    private ByteBuffer takeEmpty() throws IOException {
      try {
        ByteBuffer b;
        while ((b = empty.poll(WAIT_MS, TimeUnit.MILLISECONDS)) == null) {
          check();
        }
        return b;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted writing the results");
      }
    }

    /** Throws what the writing thread met, or that it ended without a word (it cannot). */
    private void check() throws IOException {
      IOException e = failed;
      if (e != null) {
        throw new IOException(e.getMessage(), e);
      }
      if (!writer.isAlive() && !done) {
        throw new IOException(name + ": the thread writing the results ended before they were"
            + " written");
      }
    }

    /** The writing thread: each full buffer written whole, then handed back empty. */
    private void run() {
      try {
        while (true) {
          ByteBuffer b = full.take();
          if (b == END) {
            done = true;
            return;
          }
          while (b.hasRemaining()) {
            channel.write(b);
          }
          empty.put(b.clear());
        }
      } catch (IOException | RuntimeException | Error e) {
        failed = named(name, e);
      } catch (InterruptedException e) {
        // stopped after a failure of the caller's
      }
    }
  }
}
