package vn.motcua.app.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts about the machine a report was measured on, and what else was running on it meanwhile. */
final class Machine {

    private static final Pattern WORKTREE = Pattern.compile("/work/([A-Za-z0-9._-]+)/");

    private Machine() {}

    static String loadAverage() {
        String[] fields = read("/proc/loadavg").trim().split("\\s+");
        return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "?";
    }

    /** The one-minute load average, for a table cell. */
    static String load1() {
        return read("/proc/loadavg").trim().split("\\s+")[0];
    }

    static String facts() {
        String cpu = read("/proc/cpuinfo")
                .lines()
                .filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("?");
        long memKb = read("/proc/meminfo")
                .lines()
                .filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst()
                .orElse(0L);
        String os = read("/etc/os-release")
                .lines()
                .filter(l -> l.startsWith("PRETTY_NAME="))
                .map(l -> l.substring(l.indexOf('=') + 1).replace("\"", ""))
                .findFirst()
                .orElse(System.getProperty("os.name"));
        return String.join(
                "\n",
                "| | |",
                "| --- | --- |",
                "| date | "
                        + OffsetDateTime.now()
                                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT))
                                .replaceFirst("\\.\\d+", "")
                        + " |",
                "| cores | " + Runtime.getRuntime().availableProcessors() + " (" + cpu + ") |",
                "| memory | " + String.format(Locale.ROOT, "%.1f GiB", memKb / 1024.0 / 1024.0) + " |",
                "| system | " + os + " |",
                "| Java | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " |");
    }

    /**
     * Maven builds and test JVMs that are not this run, by the worktree their command line names: they
     * compete for the same cores, which the load average shows.
     */
    static String otherWork() {
        ProcessHandle self = ProcessHandle.current();
        Set<Long> ours = new HashSet<>();
        ours.add(self.pid());
        self.parent().ifPresent(p -> ours.add(p.pid()));
        self.descendants().forEach(p -> ours.add(p.pid()));
        int builds = 0;
        int testJvms = 0;
        Set<String> where = new TreeSet<>();
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            if (ours.contains(p.pid())) {
                continue;
            }
            String command = commandLine(p.pid());
            boolean build = command.contains("plexus-classworlds");
            boolean testJvm = command.contains("surefirebooter") || command.contains("failsafe");
            if (!build && !testJvm) {
                continue;
            }
            if (build) {
                builds++;
            } else {
                testJvms++;
            }
            Matcher m = WORKTREE.matcher(command);
            if (m.find()) {
                where.add(m.group(1));
            }
        }
        if (builds == 0 && testJvms == 0) {
            return "no other Maven build or test JVM";
        }
        return builds + " other Maven build(s), " + testJvms + " other test JVM(s)"
                + (where.isEmpty() ? "" : " (" + String.join(", ", where) + ")");
    }

    /** Resident set size now and at its peak (VmHWM), in KiB, from /proc/&lt;pid&gt;/status. */
    static long[] residentKb(long pid) {
        long rss = 0;
        long hwm = 0;
        for (String line : read("/proc/" + pid + "/status").lines().toList()) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("VmHWM:")) {
                hwm = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new long[] {rss, hwm};
    }

    /**
     * Proportional set size (shared pages split between sharers), in KiB, of the processes whose command
     * line contains the text and of all their descendants (a PostgreSQL server's backends, say).
     */
    static long proportionalKb(String commandLineContains) {
        Set<Long> pids = new HashSet<>();
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            if (commandLine(p.pid()).contains(commandLineContains)) {
                pids.add(p.pid());
                p.descendants().forEach(d -> pids.add(d.pid()));
            }
        }
        long total = 0;
        for (long pid : pids) {
            total += read("/proc/" + pid + "/smaps_rollup")
                    .lines()
                    .filter(l -> l.startsWith("Pss:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .sum();
        }
        return total;
    }

    static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"))).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
