package org.entente.standalone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

@ExtendWith(OutputCaptureExtension.class)
class UserAccountsTest {

  private static final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

  private static SecuritySettings settings(List<SecuritySettings.User> users, Path file) {
    return new SecuritySettings(
        users,
        file,
        java.time.Duration.ofMinutes(5),
        new SecuritySettings.Jwt(false, null, null, null, null, "roles", "sub"),
        new SecuritySettings.Cors(List.of(), List.of("GET"), java.time.Duration.ofHours(1)),
        new SecuritySettings.RateLimit(true, 1, 1, 1, 1));
  }

  @Test
  void firstStart_createsOneUserPerRole_keepsOnlyHashes_andLogsThePasswordsOnce(
      @TempDir Path data, CapturedOutput output) throws Exception {
    Path file = data.resolve("security/users.properties");
    Map<String, String> passwords = UserAccounts.createFirstStartUsers(file);

    assertThat(passwords).containsOnlyKeys("recorder", "analyst", "auditor", "admin");
    String stored = Files.readString(file);
    passwords.values().forEach(password -> assertThat(stored).doesNotContain(password));
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    passwords.values().forEach(password -> assertThat(output.getOut()).contains(password));

    List<UserDetails> users = UserAccounts.load(settings(List.of(), file));
    assertThat(users)
        .extracting(UserDetails::getUsername)
        .containsExactlyInAnyOrder("recorder", "analyst", "auditor", "admin");
    for (UserDetails user : users) {
      assertThat(bcrypt.matches(passwords.get(user.getUsername()), user.getPassword())).isTrue();
      assertThat(user.getAuthorities())
          .extracting(GrantedAuthority::getAuthority)
          .containsExactly("ROLE_" + user.getUsername().toUpperCase());
    }

    // a second start reads the file and prints no password again
    int printed = output.getOut().length();
    UserAccounts.load(settings(List.of(), file));
    assertThat(output.getOut().substring(printed)).doesNotContain(passwords.get("admin"));
  }

  @Test
  void configuredUsers_replaceTheFile_andMustHaveBCryptHashesAndKnownRoles(@TempDir Path data) {
    Path file = data.resolve("users.properties");
    String hash = bcrypt.encode("secret");
    List<UserDetails> users =
        UserAccounts.load(
            settings(
                List.of(new SecuritySettings.User("anna", hash, List.of("analyst", "Auditor"))),
                file));
    assertThat(users.get(0).getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly("ROLE_ANALYST", "ROLE_AUDITOR");
    assertThat(file).doesNotExist();

    assertThatThrownBy(
            () ->
                UserAccounts.load(
                    settings(
                        List.of(new SecuritySettings.User("anna", "secret", List.of("analyst"))),
                        file)))
        .hasMessageContaining("BCrypt");
    assertThatThrownBy(
            () ->
                UserAccounts.load(
                    settings(
                        List.of(new SecuritySettings.User("anna", hash, List.of("editor"))), file)))
        .hasMessageContaining("unknown role 'editor'");
  }
}
