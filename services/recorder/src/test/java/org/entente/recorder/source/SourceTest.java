package org.entente.recorder.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.entente.api.source.RegisterSource;
import org.entente.api.source.SourceRegistered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourceTest {

  static final Instant PUBLISHED = Instant.parse("2025-02-13T18:00:00Z");

  FixtureConfiguration<Source> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Source.class);
  }

  @Test
  void registerSource_storesTheTextWithItsSha256() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RegisterSource(
                "nos-2025-02-13",
                " NOS ",
                "https://nos.nl/a",
                " Hegseth in Brussel ",
                PUBLISHED,
                "nl",
                "abc"))
        .expectEvents(
            new SourceRegistered(
                "nos-2025-02-13",
                "NOS",
                "https://nos.nl/a",
                "Hegseth in Brussel",
                PUBLISHED,
                "nl",
                "abc",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  }

  @Test
  void registerSource_withoutText_storesNoHash() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterSource("communique", "NATO", null, "Communiqué", null, "en", null))
        .expectEvents(
            new SourceRegistered("communique", "NATO", null, "Communiqué", null, "en", null, null));
  }

  @Test
  void sha256_hashesTheUtf8BytesOfTheText() {
    // "é" is two bytes in UTF-8; a hash of Latin-1 or UTF-16 bytes would differ.
    assertThat(Source.sha256("é"))
        .isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
    assertThat(Source.sha256(""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(Source.sha256(null)).isNull();
  }
}
