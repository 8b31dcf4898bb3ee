/**
 * The page core every server-rendered page builds on: the language (Vietnamese first, English on {@code ?lang=en},
 * kept in a cookie), the message bundles, the shared layout (templates/layout.html) and {@link Formats}, the one
 * way dates and money are written. The pages themselves live with their feature (citizen, clerk, …). Its API is
 * written down in docs/pages.md.
 */
package vn.motcua.app.page;
