package io.prodi.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites {@code --env.KEY=VALUE} (and {@code --env.KEY VALUE}) into {@code --env KEY=VALUE} before
 * picocli parses, since an option whose name carries the key is not something a parser can declare.
 */
final class EnvArguments {
  private static final String PREFIX = "--env.";

  private EnvArguments() {}

  static String[] normalize(String[] args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        for (int j = i; j < args.length; j++) {
          out.add(args[j]);
        }
        break;
      }
      if (arg.startsWith(PREFIX) && arg.length() > PREFIX.length()) {
        String rest = arg.substring(PREFIX.length());
        out.add("--env");
        if (rest.contains("=")) {
          out.add(rest);
        } else if (i + 1 < args.length) {
          out.add(rest + "=" + args[++i]);
        } else {
          out.add(rest);
        }
      } else {
        out.add(arg);
      }
    }
    return out.toArray(new String[0]);
  }
}
