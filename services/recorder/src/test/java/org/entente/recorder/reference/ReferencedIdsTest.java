package org.entente.recorder.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.entente.api.common.Weight;
import org.entente.api.statement.AddTranslation;
import org.junit.jupiter.api.Test;

class ReferencedIdsTest {

  @Test
  void aStatementNamesItsOwnIdItsSpeakerTargetsEventAndCitedSources() {
    Set<String> ids = new HashSet<>();

    ReferencedIds.addTo(
        ids,
        DomainOnEventStoreIT.statement(
            "st-1",
            "kallas",
            "summit",
            List.of("nato", "eu"),
            "010",
            new Weight(0.0, "goldstein", "1"),
            "speech"));

    assertThat(ids).containsExactlyInAnyOrder("st-1", "kallas", "summit", "nato", "eu", "speech");
  }

  @Test
  void textsThatAreNoIdsAreLeftOut() {
    Set<String> ids = new HashSet<>();

    ReferencedIds.addTo(
        ids,
        new AddTranslation(
            "st-2", new org.entente.api.common.LocalizedText("fr", "kallas"), "translator"));

    assertThat(ids).containsExactly("st-2");
  }
}
