package vn.motcua.app.search;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.motcua.procedure.ProcedureCatalog;

/** The Vietnamese name of each procedure's latest version, read from the engine at most once a few minutes. */
@Component
class ProcedureNames {

    private static final Duration KEEP = Duration.ofMinutes(5);

    private final ProcedureCatalog catalog;
    private final Map<String, Entry> names = new ConcurrentHashMap<>();

    ProcedureNames(ProcedureCatalog catalog) {
        this.catalog = catalog;
    }

    String of(String procedureKey) {
        long now = System.nanoTime();
        Entry entry = names.get(procedureKey);
        if (entry == null || now - entry.readAtNanos() > KEEP.toNanos()) {
            String name = catalog.latest(procedureKey)
                    .map(p -> p.descriptor().name().vi())
                    .orElse(null);
            entry = new Entry(name, now);
            names.put(procedureKey, entry);
        }
        return entry.name();
    }

    private record Entry(String name, long readAtNanos) {}
}
