/**
 * The Spring Boot application that wires the engine-side core to its adapters; each sub-package is one adapter
 * feature.
 */
package vn.motcua.app;
