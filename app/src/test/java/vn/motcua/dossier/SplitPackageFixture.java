package vn.motcua.dossier;

/**
 * Lives, on purpose, in a package of the delegates module, so that {@code ArchitectureTest} can show its
 * split-package rule fires. Test code only; the rule checks main code.
 */
public class SplitPackageFixture {}
