/** Strict YAML reading shared by the seed loader and the config loader: unknown keys refused, problems located. */
package io.taolun.core.yaml;
