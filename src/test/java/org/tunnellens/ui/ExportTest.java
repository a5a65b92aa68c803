package org.tunnellens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunnellens.capture.CaptureFile;

class ExportTest {
    @TempDir
    Path tmp;

    @Test
    void exportedPcapHoldsExactlyTheChosenPacketsByteForByte() throws Exception {
        Path out = tmp.resolve("arp-only.pcap");
        int[] chosen = {1, 2};
        try (CaptureFile src = CaptureFile.open(CorpusFiles.VXLAN_4789)) {
            assertThat(PcapExport.write(src, chosen, chosen.length, out)).isEqualTo(2);
            try (CaptureFile back = CaptureFile.open(out)) {
                assertThat(back.problem()).isNull();
                assertThat(back.packetCount()).isEqualTo(2);
                for (int k = 0; k < chosen.length; k++) {
                    int i = chosen[k];
                    assertThat(back.index().timestampNanos(k)).isEqualTo(src.index().timestampNanos(i));
                    assertThat(back.index().originalLength(k)).isEqualTo(src.index().originalLength(i));
                    assertThat(bytes(back, k)).isEqualTo(bytes(src, i));
                }
                assertThat(back.linkType(0)).isEqualTo(src.linkType(1));
            }
        }
    }

    @Test
    void nothingToExportIsAnError() throws Exception {
        try (CaptureFile src = CaptureFile.open(CorpusFiles.VXLAN_4789)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> PcapExport.write(src, new int[0], 0,
                    tmp.resolve("x.pcap"))).hasMessageContaining("no packets");
        }
    }

    @Test
    void csvQuotesCellsThatNeedIt() throws Exception {
        StringWriter w = new StringWriter();
        CsvExport.write(w, 2, i -> i == 0 ? List.of("1", "0.000000", "a", "b", "ARP", "42", "", "Who has 10.0.0.1? Tell 10.0.0.2")
                : List.of("2", "0.1", "a", "b", "HTTP", "60", "320", "GET /x, \"y\""));
        assertThat(w.toString()).isEqualTo("No.,Time,Source,Destination,Protocol,Length,VNI,Info\r\n"
                + "1,0.000000,a,b,ARP,42,,Who has 10.0.0.1? Tell 10.0.0.2\r\n"
                + "2,0.1,a,b,HTTP,60,320,\"GET /x, \"\"y\"\"\"\r\n");
    }

    private static byte[] bytes(CaptureFile f, int i) {
        return f.data().asSlice(f.index().offset(i), f.index().capturedLength(i)).toArray(ValueLayout.JAVA_BYTE);
    }

    @Test
    void hexDumpTextLaysOutSixteenBytesALine() {
        byte[] b = new byte[18];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (0x41 + i);
        }
        String[] lines = HexDump.text(b).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("0000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  ABCDEFGHIJKLMNOP");
        assertThat(lines[1]).startsWith("0010  51 52 ").endsWith(" QR");
        assertThat(Files.exists(tmp)).isTrue();
    }
}
