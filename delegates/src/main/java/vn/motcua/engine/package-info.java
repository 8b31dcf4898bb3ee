/**
 * Small helpers every delegate shares with the engine: the one clock, the acting person, and reading a delegate's
 * input parameters.
 */
package vn.motcua.engine;
