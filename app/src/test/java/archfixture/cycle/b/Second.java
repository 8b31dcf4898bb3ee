package archfixture.cycle.b;

import archfixture.cycle.a.First;

/** The other half of the deliberate cycle. */
public class Second {
    First first;
}
