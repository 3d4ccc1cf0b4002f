/**
 * The web pages: the library, an article's reading page and a poll's page, with a small JSON view of a poll that a
 * script refreshes. Rendered with Mustache templates that escape every value; HTTP is the app's (Jetty).
 */
package io.taolun.web;
