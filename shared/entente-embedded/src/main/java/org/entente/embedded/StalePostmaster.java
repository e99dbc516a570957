package org.entente.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a crashed run leaves in an embedded data directory, so the next start recovers by
 * itself.
 *
 * <p>zonky starts the postmaster with {@code pg_ctl start}, detached from the JVM: when the JVM is
 * killed ({@code kill -9}, OOM killer, power to the container) the postmaster keeps running and
 * holds {@code postmaster.pid}, and the next start fails with "lock file postmaster.pid already
 * exists". zonky's own lock ({@code epg-lock}, an OS file lock that dies with its process) tells
 * whether a live JVM still uses the directory: only when nobody holds it is a running postmaster an
 * orphan of ours. It is then shut down with {@code pg_ctl stop -m fast} (next to the postgres
 * binary it runs from), or SIGINT/SIGTERM if that is gone: PostgreSQL's normal crash-safe shutdown,
 * so the next start needs no recovery beyond its own. A pid file naming a process that is not a
 * postgres (the pid was reused after a reboot) is removed.
 */
public final class StalePostmaster {

  /** zonky's lock file in the data directory, held by the JVM that runs the cluster. */
  static final String ZONKY_LOCK_FILE = "epg-lock";

  private static final Duration STOP_WAIT = Duration.ofSeconds(60);
  private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

  private StalePostmaster() {}

  /**
   * Stops an orphaned postmaster on {@code dataDirectory}, if any; leaves a directory that a live
   * process uses alone (zonky then refuses to start on it, as it should).
   *
   * @return whether an orphaned postmaster was stopped
   */
  public static boolean clear(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return false;
    }
    try (FileChannel channel =
        FileChannel.open(
            dataDirectory.resolve(ZONKY_LOCK_FILE),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException inThisJvm) {
        return false;
      }
      if (lock == null) {
        log.info("Data directory {} is in use by a running process", dataDirectory);
        return false;
      }
      try {
        return stopOrphan(dataDirectory, pidFile);
      } finally {
        lock.release();
      }
    }
  }

  private static boolean stopOrphan(Path dataDirectory, Path pidFile) throws IOException {
    Optional<Long> pid = pid(pidFile);
    Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of);
    if (process.isEmpty()) {
      // PostgreSQL itself takes over a pid file whose process is gone
      return false;
    }
    Optional<String> command = process.get().info().command();
    if (command.isPresent()
        && !Path.of(command.get()).getFileName().toString().equals("postgres")) {
      log.warn(
          "Removing stale {}: its pid {} now belongs to {}", pidFile, pid.get(), command.get());
      Files.deleteIfExists(pidFile);
      return false;
    }
    log.warn(
        "A postmaster (pid {}) left by a crashed run still holds {}; stopping it",
        pid.get(),
        dataDirectory);
    if (!pgCtlStop(command, dataDirectory)) {
      signal("INT", pid.get());
    }
    try {
      process.get().onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IOException(
          "orphaned postmaster " + pid.get() + " on " + dataDirectory + " did not stop", e);
    } catch (ExecutionException e) {
      throw new IOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping an orphaned postmaster", e);
    }
    log.info("Orphaned postmaster {} stopped", pid.get());
    return true;
  }

  private static Optional<Long> pid(Path pidFile) throws IOException {
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean pgCtlStop(Optional<String> postgresCommand, Path dataDirectory) {
    if (postgresCommand.isEmpty()) {
      return false;
    }
    Path pgCtl = Path.of(postgresCommand.get()).resolveSibling("pg_ctl");
    if (!Files.isExecutable(pgCtl)) {
      return false;
    }
    return run(
        List.of(
            pgCtl.toString(),
            "-D",
            dataDirectory.toString(),
            "stop",
            "-m",
            "fast",
            "-w",
            "-t",
            String.valueOf(STOP_WAIT.toSeconds())));
  }

  private static void signal(String signal, long pid) {
    if (!run(List.of("kill", "-" + signal, String.valueOf(pid)))) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }
  }

  private static boolean run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      boolean done = process.waitFor(STOP_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
      if (done && process.exitValue() == 0) {
        return true;
      }
      log.warn("{} failed: {}", command, output.strip());
      return false;
    } catch (IOException e) {
      log.warn("{} could not run: {}", command, e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
