package org.entente.json.citation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Citation;
import org.entente.api.common.Excerpt;
import org.entente.api.common.ReportedBy;
import org.entente.json.EntenteJson;
import org.junit.jupiter.api.Test;

/**
 * A citation's reported-by chain is stored and read back as given; a citation stored before chains
 * existed reads back without one and its stored form is unchanged (no member for an absent chain).
 */
class ReportedByJsonTest {

  private final ObjectMapper json = EntenteJson.newObjectMapper();

  @Test
  void aChain_roundTrips_inOrder() throws Exception {
    Citation cited =
        new Citation(
            "nos",
            new Excerpt(3, 9, "quoted"),
            AttributionGrade.ANONYMOUS_DESCRIBED,
            List.of(
                new ReportedBy("wire", null, null),
                new ReportedBy(null, "nato", "a spokesperson"),
                ReportedBy.anonymous("NAVO-bronnen")));
    String stored = json.writeValueAsString(cited);
    assertThat(stored)
        .contains(
            "\"reportedBy\":[{\"sourceId\":\"wire\"},{\"actorId\":\"nato\",\"description\":\"a"
                + " spokesperson\"},{\"description\":\"NAVO-bronnen\"}]");
    assertThat(json.readValue(stored, Citation.class)).isEqualTo(cited);
  }

  @Test
  void aCitationWithoutChain_keepsItsStoredForm_andReadsBackWithoutOne() throws Exception {
    String before =
        "{\"sourceId\":\"nos\",\"excerpt\":{\"start\":3,\"end\":9,\"quote\":\"quoted\"},"
            + "\"grade\":\"DIRECT_QUOTE\"}";
    Citation read = json.readValue(before, Citation.class);
    assertThat(read.reportedBy()).isNull();
    assertThat(read.chain()).isEmpty();
    assertThat(json.writeValueAsString(read)).isEqualTo(before);
  }
}
