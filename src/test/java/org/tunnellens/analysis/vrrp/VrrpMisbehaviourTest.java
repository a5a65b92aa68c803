package org.tunnellens.analysis.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures the lab does not stage, made from its real steady-state capture: a master killed without sending
 * priority 0, and a backup configured with another interval and password.
 */
class VrrpMisbehaviourTest {
    static final Path LAB = Path.of("samples/keepalived-vrrp/director2-eth0.pcap");
    static final String MASTER = "192.168.200.11";
    static final String BACKUP = "192.168.200.12";

    @TempDir
    Path tmp;

    @Test
    void aMasterKilledWithoutResigningFallsSilentAndTheBackupTakesOverAfterMasterDown() throws IOException {
        assumeThat(LAB).exists();
        LabCaptureEdit edit = new LabCaptureEdit(LAB);
        // keepalived killed with SIGKILL: no priority-0 advert, and the backup waits its master-down interval
        // (3 x 1 s + (256 - 100) / 256 s = 3.61 s) instead of its skew time
        List<LabCaptureEdit.Frame> fs = edit.frames();
        long lastMaster = fs.stream().filter(f -> f.isVrrp() && f.srcIp().equals(MASTER) && f.priority() > 0)
                .filter(f -> fs.stream().anyMatch(g -> g.isVrrp() && g.priority() == 0 && g.micros() > f.micros()))
                .mapToLong(LabCaptureEdit.Frame::micros).max().orElseThrow();
        long backupStarts = lastMaster + 3_610_000;
        edit.drop(f -> f.isVrrp() && f.priority() == 0)
                .drop(f -> f.micros() > lastMaster && f.micros() < backupStarts
                        && (f.isVrrp() && f.srcIp().equals(BACKUP) || f.isArpFrom("52:54:00:d2:00:00")));
        VrrpAnalysis a = VrrpAnalyzer.analyze(List.of(edit.write(tmp.resolve("killed.pcap"))));

        List<VrrpEvent> silent = a.events(VrrpEventType.SILENT);
        assertThat(silent).singleElement().satisfies(e -> {
            assertThat(e.from()).isEqualTo(MASTER);
            assertThat(e.time()).isCloseTo(lastMaster / 1e6 + 3 + 106 / 256.0, Offset.offset(0.001));
        });
        assertThat(a.events(VrrpEventType.RESIGN)).isEmpty();
        VrrpEvent takeover = a.events(VrrpEventType.TAKEOVER).getFirst();
        assertThat(takeover.from()).isEqualTo(MASTER);
        assertThat(takeover.to()).isEqualTo(BACKUP);
        assertThat(takeover.duration()).isGreaterThan(3.61).isLessThan(4.7);
        assertThat(takeover.detail()).contains("fell silent");
        assertThat(a.routers().getFirst().masters().getFirst().endedBy()).isEqualTo("silent");
    }

    @Test
    void aLostResignationStillGivesATakeoverButNoSilence() throws IOException {
        assumeThat(LAB).exists();
        LabCaptureEdit edit = new LabCaptureEdit(LAB).drop(f -> f.isVrrp() && f.priority() == 0);
        VrrpAnalysis a = VrrpAnalyzer.analyze(List.of(edit.write(tmp.resolve("lost-resign.pcap"))));
        assertThat(a.events(VrrpEventType.TAKEOVER)).singleElement().satisfies(e -> {
            assertThat(e.from()).isEqualTo(MASTER);
            assertThat(e.to()).isEqualTo(BACKUP);
            assertThat(e.detail()).contains("stopped advertising");
        });
        assertThat(a.events(VrrpEventType.SILENT)).isEmpty();
        assertThat(a.events(VrrpEventType.SPLIT_BRAIN)).isEmpty();
        assertThat(a.routers().getFirst().masters().getFirst().endedBy()).isEqualTo("stopped");
    }

    @Test
    void aBackupWithAnotherIntervalAndPasswordIsAConfigurationMismatch() throws IOException {
        assumeThat(LAB).exists();
        LabCaptureEdit edit = new LabCaptureEdit(LAB);
        // VRRPv2 advert: byte 5 is the interval in seconds; after the 8-byte header and one VIP, byte 12 starts the
        // PASS text ("123" in the lab)
        edit.map(f -> f.isVrrp() && f.srcIp().equals(BACKUP), f -> f.withVrrpByte(5, 2).withVrrpByte(14, '4'));
        VrrpAnalysis a = VrrpAnalyzer.analyze(List.of(edit.write(tmp.resolve("mismatch.pcap"))));
        List<VrrpEvent> m = a.events(VrrpEventType.CONFIG_MISMATCH);
        assertThat(m).extracting(VrrpEvent::detail).containsExactlyInAnyOrder(
                "advert interval differs: 192.168.200.11 has 1 s, 192.168.200.12 has 2 s",
                "authentication differs: 192.168.200.11 has PASS \"123\", 192.168.200.12 has PASS \"124\"");
        assertThat(m).allSatisfy(e -> assertThat(e.packets()).hasSize(2));
        assertThat(a.routers().getFirst().adverts()).extracting(VrrpAdvert::checksum).containsOnly("good");
    }

    @Test
    void advertsWithABadChecksumAreFlagged() throws IOException {
        assumeThat(LAB).exists();
        LabCaptureEdit edit = new LabCaptureEdit(LAB);
        edit.map(f -> f.isVrrp() && f.srcIp().equals(BACKUP), LabCaptureEdit.Frame::withBrokenChecksum);
        VrrpAnalysis a = VrrpAnalyzer.analyze(List.of(edit.write(tmp.resolve("badsum.pcap"))));
        VirtualRouter r = a.routers().getFirst();
        long bad = r.adverts().stream().filter(x -> x.checksum().equals("bad")).count();
        assertThat(bad).isEqualTo(r.adverts().stream().filter(x -> x.ip().equals(BACKUP)).count()).isPositive();
        assertThat(r.warnings()).anyMatch(w -> w.contains(bad + " advert(s) from " + BACKUP + " have a bad VRRP checksum"));
        assertThat(a.events(VrrpEventType.CONFIG_MISMATCH)).isEmpty();
    }
}
