package archfixture.cycle.a;

import archfixture.cycle.b.Second;

/** A deliberate package cycle (a → b → a) that {@code ArchitectureTest} must reject. */
public class First {
    Second second;
}
