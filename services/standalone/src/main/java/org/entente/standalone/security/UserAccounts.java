package org.entente.standalone.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The users who may sign in: those configured under {@code entente.security.users}, else those of
 * the users file. With neither, the first start writes the file with one user per role and random
 * passwords, and logs the passwords this once (only their BCrypt hashes are kept).
 */
public final class UserAccounts {

  private static final Logger log = LoggerFactory.getLogger("entente.security");
  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom random = new SecureRandom();

  private UserAccounts() {}

  /** The users, creating the users file on first start when none are configured. */
  public static List<UserDetails> load(SecuritySettings settings) {
    if (!settings.users().isEmpty()) {
      return settings.users().stream()
          .map(u -> user(u.name(), u.passwordHash(), u.roles(), "entente.security.users"))
          .toList();
    }
    Path file = settings.usersFile();
    if (!Files.exists(file)) {
      createFirstStartUsers(file);
    }
    return read(file);
  }

  /** The users file: {@code name=bcrypt-hash,role[,role...]} per line. */
  static List<UserDetails> read(Path file) {
    Properties lines = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      lines.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the users file " + file, e);
    }
    List<UserDetails> users = new ArrayList<>();
    for (String name : lines.stringPropertyNames().stream().sorted().toList()) {
      List<String> parts =
          Arrays.stream(lines.getProperty(name).split(",")).map(String::trim).toList();
      users.add(user(name, parts.get(0), parts.subList(1, parts.size()), file.toString()));
    }
    if (users.isEmpty()) {
      throw new IllegalStateException("the users file " + file + " names no user");
    }
    return users;
  }

  /** Writes one user per role, named after it, and logs their passwords once. */
  static Map<String, String> createFirstStartUsers(Path file) {
    BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    Map<String, String> passwords = new LinkedHashMap<>();
    StringBuilder content =
        new StringBuilder(
            "# Entente users: name=BCrypt hash,role[,role...] (roles: recorder, analyst, auditor,"
                + " admin).\n# Created on first start; edit to add users or change passwords.\n");
    for (Role role : Role.values()) {
      String password = password();
      passwords.put(role.id(), password);
      content.append(role.id()).append('=').append(encoder.encode(password));
      content.append(',').append(role.id()).append('\n');
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, "users", ".tmp");
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the folder's permissions apply
      }
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        out.write(content.toString());
      }
      Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the users file " + file, e);
    }
    StringBuilder banner = new StringBuilder();
    banner.append("\n\n  First start: one user per role was created in ").append(file);
    banner.append(" (BCrypt hashes only).\n  Their passwords are shown this once:\n\n");
    passwords.forEach(
        (name, password) -> banner.append(String.format("    %-9s %s%n", name, password)));
    banner.append("\n  e.g. curl -u analyst:").append(passwords.get("analyst"));
    banner.append(" http://localhost:8080/api/actors\n");
    log.warn(banner.toString());
    return passwords;
  }

  private static UserDetails user(String name, String hash, List<String> roles, String where) {
    if (name == null || name.isBlank()) {
      throw new IllegalStateException(where + ": a user without a name");
    }
    if (hash == null || !BCRYPT.matcher(hash).matches()) {
      throw new IllegalStateException(
          where + ": the password of user '" + name + "' must be a BCrypt hash ($2a$10$...)");
    }
    List<String> authorities =
        roles.stream()
            .map(
                r ->
                    Role.parse(r)
                        .orElseThrow(
                            () ->
                                new IllegalStateException(
                                    where
                                        + ": user '"
                                        + name
                                        + "' has an unknown role '"
                                        + r
                                        + "' (recorder, analyst, auditor, admin)")))
            .map(Role::name)
            .distinct()
            .toList();
    return User.withUsername(name).password(hash).roles(authorities.toArray(String[]::new)).build();
  }

  private static String password() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
