package org.tunnellens.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every committed lab capture under {@code samples/} against the {@code truth.json} that
 * {@code samples/lab/make-samples.sh} wrote next to it from what the script did and what the
 * daemons and servers logged. The captures are decoded with the real {@code tshark}, so a
 * regenerated sample that went wrong (lost packets, wrong VNI, no failover, wrong server) fails
 * here. Both the default set ({@code samples/<scenario>}) and the variant set ({@code
 * samples/variant-b/<scenario>}) are checked.
 */
class SamplesTruthTest {

  /** Project-root relative; {@code -Dtunnellens.samples=DIR} checks a regenerated set elsewhere. */
  static final Path SAMPLES = Path.of(System.getProperty("tunnellens.samples", "samples"));
  static final ObjectMapper JSON = new ObjectMapper();
  static final long MAX_CAPTURE_BYTES = 1_000_000;

  /** Fields pulled from every frame in one tshark run per capture. */
  static final List<String> FIELDS =
      List.of(
          "frame.number", "frame.time_epoch", "eth.src", "eth.dst", "eth.type", "ip.src", "ip.dst",
          "ip.flags.mf", "ip.frag_offset", "ip.len", "udp.dstport", "vxlan.vni", "icmp.type",
          "arp.opcode", "arp.src.proto_ipv4", "arp.dst.proto_ipv4", "arp.src.hw_mac",
          "tcp.srcport", "tcp.dstport", "tcp.flags.syn", "tcp.flags.ack", "tcp.flags.reset",
          "vrrp.virt_rtr_id", "vrrp.prio", "vrrp.auth_type", "vrrp.auth_string",
          "http.response.code", "http.response.line", "http.file_data");

  static final Map<Path, List<Frame>> CACHE = new ConcurrentHashMap<>();

  // ------------------------------------------------------------------ sources

  static Stream<Path> dirs(String scenario) {
    List<Path> out = new ArrayList<>();
    Path def = SAMPLES.resolve(scenario);
    if (Files.isDirectory(def)) out.add(def);
    Path var = SAMPLES.resolve("variant-b").resolve(scenario);
    if (Files.isDirectory(var)) out.add(var);
    return out.stream();
  }

  static Stream<Path> allDirs() {
    return Stream.of(
            "opennebula-8472", "openstack-4789", "keepalived-vrrp", "lvs-nat",
            "vrrp-split-brain", "lvs-nat-direct-reply")
        .flatMap(SamplesTruthTest::dirs);
  }

  static Stream<Path> opennebula() { return dirs("opennebula-8472"); }
  static Stream<Path> openstack() { return dirs("openstack-4789"); }
  static Stream<Path> vrrp() { return Stream.concat(dirs("keepalived-vrrp"), dirs("vrrp-split-brain")); }
  static Stream<Path> keepalivedFailover() { return dirs("keepalived-vrrp"); }
  static Stream<Path> splitBrain() { return dirs("vrrp-split-brain"); }
  static Stream<Path> lvs() { return Stream.concat(dirs("lvs-nat"), dirs("lvs-nat-direct-reply")); }
  static Stream<Path> lvsNat() { return dirs("lvs-nat"); }
  static Stream<Path> lvsDirect() { return dirs("lvs-nat-direct-reply"); }

  @BeforeAll
  static void tsharkPresent() {
    try {
      Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        fail("tshark --version failed; install tshark (Debian: apt-get install tshark)");
      }
    } catch (IOException | InterruptedException e) {
      fail("tshark is required by SamplesTruthTest but was not found on PATH "
          + "(Debian/Ubuntu: apt-get install tshark): " + e);
    }
  }

  @Test
  void everyScenarioHasBothSets() {
    for (String s : List.of("opennebula-8472", "openstack-4789", "keepalived-vrrp", "lvs-nat")) {
      assertThat(SAMPLES.resolve(s).resolve("truth.json")).as("default set " + s).exists();
      assertThat(SAMPLES.resolve("variant-b").resolve(s).resolve("truth.json"))
          .as("variant-b set " + s).exists();
    }
    assertThat(Path.of("samples/README.md")).exists();
    assertThat(Path.of("samples/lab/make-samples.sh")).exists();
  }

  // ------------------------------------------------------------ all captures

  @ParameterizedTest
  @MethodSource("allDirs")
  void capturesAreSmallCompleteAndDescribed(Path dir) throws IOException {
    JsonNode t = truth(dir);
    assertThat(t.path("variant").asText()).isIn("a", "b");
    assertThat(dir.toString().contains("variant-b")).isEqualTo(t.path("variant").asText().equals("b"));
    assertThat(t.path("captures").size()).isGreaterThanOrEqualTo(2);
    for (JsonNode c : t.path("captures")) {
      Path pcap = dir.resolve(c.path("file").asText());
      assertThat(pcap).exists();
      assertThat(Files.size(pcap)).as(pcap + " size").isLessThan(MAX_CAPTURE_BYTES);
      List<Frame> frames = frames(pcap);
      assertThat(frames).as(pcap + " frames").isNotEmpty();
      JsonNode st = c.path("tcpdump_stats");
      assertThat(st.isMissingNode()).as("tcpdump stats recorded for " + pcap).isFalse();
      // tcpdump's own count on stop == what is in the file: nothing lost on SIGINT
      assertThat(frames.size()).as(pcap + " frames vs tcpdump 'captured'")
          .isEqualTo(st.path("captured").asInt());
      assertThat(st.path("dropped_by_kernel").asInt()).isZero();
      // IPv6 is disabled in every lab namespace
      assertThat(frames.stream().filter(f -> f.all("eth.type").stream().anyMatch(x -> x.endsWith("86dd"))))
          .as("IPv6 frames in " + pcap).isEmpty();
    }
  }

  // ---------------------------------------------------------------- VXLAN 1+2

  @ParameterizedTest
  @MethodSource("opennebula")
  void opennebulaVxlan(Path dir) throws IOException {
    JsonNode t = truth(dir);
    int vni = t.path("vni").asInt();
    assertThat(t.path("udp_port").asInt()).isEqualTo(8472);
    String vx = t.path("vxlan_device").asText();
    assertThat(vx).isEqualTo("enp0s8." + vni);
    // OpenNebula MAC convention 02:00:<IPv4 bytes>
    for (JsonNode vm : t.path("vms")) {
      String[] o = vm.path("ip").asText().split("\\.");
      String mac = String.format("02:00:%02x:%02x:%02x:%02x", Integer.parseInt(o[0]),
          Integer.parseInt(o[1]), Integer.parseInt(o[2]), Integer.parseInt(o[3]));
      assertThat(vm.path("mac").asText()).isEqualTo(mac);
    }
    checkTunnel(dir, t, "kvm2-enp0s8.pcap", "kvm2-vxlan_bridge.pcap", 8472);
    checkTunnel(dir, t, "kvm1-enp0s8.pcap", null, 8472);

    List<Frame> bridge = frames(dir.resolve("kvm2-vxlan_bridge.pcap"));
    List<Frame> outer = frames(dir.resolve("kvm2-enp0s8.pcap"));
    // hypervisor <-> VM traffic is on the bridge and never in the tunnel
    JsonNode local = t.path("local_only");
    String hv = local.path("hosts").get(0).asText();
    String vm = local.path("hosts").get(1).asText();
    assertThat(count(bridge, f -> f.is("icmp.type", "8") && f.first("ip.src").equals(hv)
            && f.first("ip.dst").equals(vm)))
        .isEqualTo(local.path("icmp_echo_requests").asInt());
    assertThat(count(outer, f -> f.all("ip.src").contains(hv) || f.all("ip.dst").contains(hv)
            || f.all("arp.src.proto_ipv4").contains(hv) || f.all("arp.dst.proto_ipv4").contains(hv)))
        .as("hypervisor-local traffic must not be tunnelled").isZero();
    // BUM traffic (the ARP broadcast) is sent to the multicast group
    String group = t.path("multicast_group").asText();
    List<Frame> tunnelledArpReq = outer.stream()
        .filter(f -> f.has("vxlan.vni") && f.is("arp.opcode", "1")).toList();
    assertThat(tunnelledArpReq).isNotEmpty();
    assertThat(tunnelledArpReq).allMatch(f -> f.first("ip.dst").equals(group));
    // the generated/real CLI texts
    assertThat(read(dir.resolve("kvm2-ip-d-link-show-vxlan.txt")))
        .contains("vxlan id " + vni + " ").contains("dstport 8472").contains(vx + ":")
        .contains("master vxlan_bridge");
    assertThat(read(dir.resolve("onevnet-show.txt")))
        .contains("VLAN_ID=\"" + vni + "\"").contains("VN_MAD=\"vxlan\"")
        .contains("BRIDGE=\"vxlan_bridge\"").contains("PHYDEV=\"enp0s8\"");
  }

  @ParameterizedTest
  @MethodSource("openstack")
  void openstackVxlan(Path dir) throws IOException {
    JsonNode t = truth(dir);
    int vni = t.path("vni").asInt();
    assertThat(t.path("udp_port").asInt()).isEqualTo(4789);
    assertThat(t.path("segmentation_id").asInt()).isEqualTo(vni);
    for (JsonNode vm : t.path("vms")) {
      assertThat(vm.path("mac").asText()).startsWith("fa:16:3e:");
      assertThat(vm.path("ip").asText()).startsWith("10.0.0.");
    }
    checkTunnel(dir, t, "compute1-ens3.pcap", "compute1-vxlan_sys_4789.pcap", 4789);
    checkTunnel(dir, t, "compute2-ens3.pcap", null, 4789);

    // the oversize inner packet: fate from the kernel counters, checked on the wire
    JsonNode ov = t.path("oversize_packet");
    String fate = ov.path("fate").asText();
    assertThat(fate).isIn("fragmented", "dropped");
    String v1 = t.path("vtep_ips").path("compute1").asText();
    String v2 = t.path("vtep_ips").path("compute2").asText();
    List<Frame> ens3 = frames(dir.resolve("compute1-ens3.pcap"));
    List<Frame> inner = frames(dir.resolve("compute1-vxlan_sys_4789.pcap"));
    int innerLen = ov.path("inner_ip_total_length").asInt();
    assertThat(innerLen).isGreaterThan(t.path("network_mtu").asInt());
    Predicate<Frame> bigRequest = f -> f.is("icmp.type", "8") && f.last("ip.len").equals("" + innerLen);
    Predicate<Frame> bigReply = f -> f.is("icmp.type", "0") && f.last("ip.len").equals("" + innerLen);
    assertThat(count(inner, bigRequest)).as("oversize echo request on the tunnel device").isEqualTo(1);
    JsonNode d1 = ov.path("kernel_ip_counter_delta").path("compute1");
    JsonNode d2 = ov.path("kernel_ip_counter_delta").path("compute2");
    long firstFrags1 = count(ens3, f -> f.first("ip.src").equals(v1) && f.first("ip.flags.mf").matches("1|True"));
    long allFrags1 = count(ens3, f -> f.first("ip.src").equals(v1)
        && (f.first("ip.flags.mf").matches("1|True") || !f.first("ip.frag_offset").matches("0|")));
    long allFrags2 = count(ens3, f -> f.first("ip.src").equals(v2)
        && (f.first("ip.flags.mf").matches("1|True") || !f.first("ip.frag_offset").matches("0|")));
    if (fate.equals("fragmented")) {
      assertThat(firstFrags1).isEqualTo(d1.path("FragOKs").asLong());
      assertThat(allFrags1).isEqualTo(d1.path("FragCreates").asLong()).isGreaterThanOrEqualTo(2);
      assertThat(allFrags2).isEqualTo(d2.path("FragCreates").asLong());
      int received = ov.path("ping").path("received").asInt();
      assertThat(count(inner, bigReply)).isEqualTo(received);
      // the reassembled outer packet carries the tenant VNI
      assertThat(ens3.stream().filter(f -> f.has("vxlan.vni") && f.last("ip.len").equals("" + innerLen)))
          .isNotEmpty().allMatch(f -> f.first("vxlan.vni").equals("" + vni));
    } else {
      assertThat(allFrags1).isZero();
      assertThat(count(inner, bigReply)).isZero();
    }
    String hex = "0x" + Integer.toHexString(vni);
    assertThat(t.path("vni_hex").asText()).isEqualTo(hex);
    assertThat(read(dir.resolve("ovs-ofctl-dump-flows-br-tun.txt")))
        .contains("set_tunnel:" + hex + ",").contains("tun_id=" + hex + " ");
    assertThat(read(dir.resolve("openstack-network-show.txt")))
        .containsPattern("\\| provider:segmentation_id +\\| " + vni + " +\\|")
        .containsPattern("\\| provider:network_type +\\| vxlan +\\|")
        .containsPattern("\\| mtu +\\| " + t.path("network_mtu").asInt() + " +\\|");
    assertThat(read(dir.resolve("compute1-ip-d-link-show-vxlan_sys_4789.txt")))
        .contains("vxlan_sys_4789:").contains("vxlan id " + vni + " ").contains("dstport 4789");
  }

  /** Outer capture (and optionally the matching inner one) against the truth's counts. */
  void checkTunnel(Path dir, JsonNode t, String outerFile, String innerFile, int port) {
    int vni = t.path("vni").asInt();
    Set<String> vteps = new HashSet<>();
    t.path("vtep_ips").forEach(n -> vteps.add(n.asText()));
    if (t.has("multicast_group")) vteps.add(t.path("multicast_group").asText());
    List<Frame> outer = frames(dir.resolve(outerFile));
    List<Frame> vx = outer.stream().filter(f -> f.is("udp.dstport", "" + port)).toList();
    assertThat(vx).as("VXLAN frames in " + outerFile).isNotEmpty();
    assertThat(vx).allMatch(f -> f.has("vxlan.vni"), "decoded as VXLAN");
    Set<String> vnis = new TreeSet<>();
    vx.forEach(f -> vnis.add(f.first("vxlan.vni")));
    assertThat(vnis).as("VNIs in " + outerFile).containsExactly("" + vni);
    assertThat(vx).allMatch(f -> vteps.contains(f.first("ip.src")) && vteps.contains(f.first("ip.dst")),
        "outer addresses are the VTEPs/group");

    Map<String, String> ipOfVm = new HashMap<>();
    for (JsonNode vm : t.path("vms")) ipOfVm.put(vm.path("name").asText(), vm.path("ip").asText());
    for (JsonNode vm : t.path("vms")) {
      // inner source MAC of every tunnelled frame from a VM is that VM's MAC
      String ip = vm.path("ip").asText();
      assertThat(vx.stream().filter(f -> f.has("icmp.type") && f.last("ip.src").equals(ip)))
          .allMatch(f -> f.last("eth.src").equals(vm.path("mac").asText()));
    }
    List<List<Frame>> views = new ArrayList<>();
    views.add(vx);
    if (innerFile != null) views.add(frames(dir.resolve(innerFile)));
    for (List<Frame> view : views) {
      for (JsonNode p : t.path("pings")) {
        if (!p.path("tunnelled").asBoolean()) continue;
        String src = p.path("src").asText(), dst = p.path("dst").asText();
        assertThat(count(view, f -> f.is("icmp.type", "8") && f.last("ip.src").equals(src)
                && f.last("ip.dst").equals(dst) && f.last("ip.len").equals("84")))
            .as("echo requests " + src + "->" + dst + " in " + outerFile + "/" + innerFile)
            .isEqualTo(p.path("transmitted").asInt())
            .isEqualTo(p.path("count").asInt());
        assertThat(count(view, f -> f.is("icmp.type", "0") && f.last("ip.src").equals(dst)
                && f.last("ip.dst").equals(src) && f.last("ip.len").equals("84")))
            .as("echo replies " + dst + "->" + src).isEqualTo(p.path("received").asInt());
      }
      // ARP: exactly the resolutions the script caused (flushed cache, first ping)
      for (JsonNode a : t.path("arp").path("exchanges")) {
        String req = a.path("requester_ip").asText(), tgt = a.path("target_ip").asText();
        assertThat(count(view, f -> f.is("arp.opcode", "1") && f.last("arp.src.proto_ipv4").equals(req)
                && f.last("arp.dst.proto_ipv4").equals(tgt)))
            .as("ARP requests for " + tgt).isEqualTo(a.path("requests").asInt());
        assertThat(count(view, f -> f.is("arp.opcode", "2") && f.last("arp.src.proto_ipv4").equals(tgt)
                && f.last("arp.dst.proto_ipv4").equals(req)))
            .as("ARP replies from " + tgt).isEqualTo(a.path("replies").asInt());
      }
      Set<String> vmIps = new HashSet<>(ipOfVm.values());
      assertThat(count(view, f -> f.is("arp.opcode", "1") && vmIps.contains(f.last("arp.src.proto_ipv4"))))
          .as("ARP requests from VMs").isEqualTo(t.path("arp").path("arp_requests_total").asInt());
      // TCP exchange: one SYN per connection the client made, client ports as logged
      JsonNode tcp = t.path("tcp");
      Set<String> ports = new TreeSet<>();
      tcp.path("client_log").forEach(r -> ports.add(r.path("client_port").asText()));
      Set<String> seen = new TreeSet<>();
      view.stream().filter(f -> f.is("tcp.flags.syn", "1") && f.is("tcp.flags.ack", "0")
              && f.is("tcp.dstport", tcp.path("port").asText()))
          .forEach(f -> seen.add(f.first("tcp.srcport")));
      assertThat(seen).as("TCP client ports").isEqualTo(ports);
      assertThat(ports).hasSize(tcp.path("connections_attempted").asInt());
      assertThat(tcp.path("connections_ok").asInt()).isEqualTo(tcp.path("connections_attempted").asInt());
    }
  }

  // ------------------------------------------------------------------- VRRP

  @ParameterizedTest
  @MethodSource("vrrp")
  void vrrpAdvertsMatchKeepalivedLogs(Path dir) throws IOException {
    JsonNode t = truth(dir);
    Map<String, JsonNode> byIf = new HashMap<>();
    for (JsonNode i : t.path("vrrp_instances")) byIf.put(i.path("interface").asText(), i);
    Map<String, String> routerOfIp = new HashMap<>();
    Map<String, String> routerOfMac = new HashMap<>();
    t.path("routers").fields().forEachRemaining(e -> {
      routerOfIp.put(e.getValue().path("eth0").asText(), e.getKey());
      routerOfIp.put(e.getValue().path("eth1").asText(), e.getKey());
      routerOfMac.put(e.getValue().path("eth0_mac").asText(), e.getKey());
      routerOfMac.put(e.getValue().path("eth1_mac").asText(), e.getKey());
    });
    for (JsonNode c : t.path("captures")) {
      JsonNode inst = byIf.get(c.path("interface").asText());
      List<Frame> fr = frames(dir.resolve(c.path("file").asText()));
      List<Frame> adv = fr.stream().filter(f -> f.has("vrrp.virt_rtr_id")).toList();
      assertThat(adv).isNotEmpty();
      // one VRID per segment, the configured one; auth PASS with the configured password
      assertThat(adv).allMatch(f -> f.first("vrrp.virt_rtr_id").equals(inst.path("vrid").asText()));
      assertThat(adv).allMatch(f -> f.first("vrrp.auth_type").equals("1")
          && f.first("vrrp.auth_string").equals(t.path("auth_pass").asText()));
      assertThat(adv).allMatch(f -> f.first("ip.dst").equals("224.0.0.18"));
      // each router advertises with its configured priority (0 only when stopping)
      for (Frame f : adv) {
        String r = routerOfIp.get(f.first("ip.src"));
        assertThat(r).as("advert source " + f.first("ip.src")).isNotNull();
        int prio = Integer.parseInt(f.first("vrrp.prio"));
        assertThat(prio).isIn(0, inst.path("priorities").path(r).asInt());
      }
      // who is master when: every non-zero advert comes from a router that keepalived's own
      // log says was MASTER of this instance at that moment (0.3 s slack at the edges)
      JsonNode periods = t.path("master_periods").path(inst.path("name").asText());
      assertThat(periods.size()).isGreaterThan(0);
      for (Frame f : adv) {
        if (f.first("vrrp.prio").equals("0")) continue;
        String r = routerOfIp.get(f.first("ip.src"));
        double ts = f.time();
        boolean ok = false;
        for (JsonNode p : periods) {
          double from = p.path("from").asDouble();
          double to = p.path("to").isNull() ? Double.MAX_VALUE : p.path("to").asDouble();
          if (p.path("router").asText().equals(r) && ts >= from - 0.3 && ts <= to + 0.3) ok = true;
        }
        assertThat(ok).as("advert from %s at %.3f during a logged MASTER period of %s", r, ts,
            inst.path("name").asText()).isTrue();
      }
      // gratuitous ARPs for the VIP come from the router that just became master: 5 at once
      // (garp_master_repeat) and 5 more garp_master_delay later if it stays master that long
      int repeat = t.path("keepalived").path("garp_master_repeat").asInt();
      double delay = t.path("keepalived").path("garp_master_delay").asDouble();
      String vip = inst.path("vip").asText();
      List<Frame> garps = fr.stream().filter(f -> f.is("arp.opcode", "1")
          && f.first("arp.src.proto_ipv4").equals(vip) && f.first("arp.dst.proto_ipv4").equals(vip)).toList();
      double first = fr.get(0).time(), last = fr.get(fr.size() - 1).time();
      int expectedTotal = 0;
      for (JsonNode p : periods) {
        double from = p.path("from").asDouble();
        double to = p.path("to").isNull() ? Double.MAX_VALUE : p.path("to").asDouble();
        if (from < first - 0.2 || from > last) continue;
        String r = p.path("router").asText();
        long n = garps.stream().filter(g -> routerOfMac.get(g.first("eth.src")).equals(r)
            && g.time() >= from - 0.3 && g.time() <= Math.min(to, from + delay + 1.0)).count();
        double second = from + delay;
        double end = Math.min(to, last);
        if (Math.abs(second - end) < 0.5) continue; // second burst at the capture edge: ambiguous
        int bursts = second < end ? 2 : 1;
        assertThat(n).as("GARPs from %s after becoming MASTER at %.3f", r, from).isEqualTo((long) repeat * bursts);
        expectedTotal += repeat * bursts;
      }
      assertThat(garps).as("GARPs for " + vip).isNotEmpty();
      assertThat((long) garps.size()).isGreaterThanOrEqualTo(expectedTotal);
    }
  }

  @ParameterizedTest
  @MethodSource("keepalivedFailover")
  void keepalivedFailoverAndPreempt(Path dir) throws IOException {
    JsonNode t = truth(dir);
    List<JsonNode> ev = list(t.path("script_events"));
    double stop = ev.stream().filter(e -> e.path("event").asText().equals("keepalived_stop")
        && e.path("router").asText().equals("director1")).findFirst().orElseThrow().path("t").asDouble();
    double restart = ev.stream().filter(e -> e.path("event").asText().equals("keepalived_start")
        && e.path("router").asText().equals("director1") && e.path("t").asDouble() > stop)
        .findFirst().orElseThrow().path("t").asDouble();
    String d1 = t.path("routers").path("director1").path("eth0").asText();
    String d2 = t.path("routers").path("director2").path("eth0").asText();
    JsonNode vi1 = t.path("vrrp_instances").get(0);
    List<Frame> fr = frames(dir.resolve("director2-eth0.pcap"));
    List<Frame> adv = fr.stream().filter(f -> f.has("vrrp.prio")).toList();
    // steady state before the stop: only director1 adverts, at its priority
    assertThat(adv.stream().filter(f -> f.time() < stop))
        .isNotEmpty().allMatch(f -> f.first("ip.src").equals(d1)
            && f.first("vrrp.prio").equals(vi1.path("priorities").path("director1").asText()));
    // the master stopping: a priority-0 advert from director1 right after the stop signal
    List<Frame> zero = adv.stream().filter(f -> f.first("vrrp.prio").equals("0")
        && f.first("ip.src").equals(d1) && f.time() < restart).toList();
    assertThat(zero).hasSize(1);
    assertThat(zero.get(0).time()).isBetween(stop - 0.2, stop + 2.0);
    // the backup takes over: keepalived's log time of director2 entering MASTER == its first advert
    JsonNode take = list(t.path("state_transitions")).stream()
        .filter(s -> s.path("router").asText().equals("director2") && s.path("instance").asText().equals("VI_1")
            && s.path("state").asText().equals("MASTER")).findFirst().orElseThrow();
    Frame firstD2 = adv.stream().filter(f -> f.first("ip.src").equals(d2)).findFirst().orElseThrow();
    assertThat(firstD2.time()).isBetween(take.path("t").asDouble() - 0.3, take.path("t").asDouble() + 0.3);
    assertThat(firstD2.time()).isGreaterThan(zero.get(0).time());
    // then its gratuitous ARPs for the VIP, from its own MAC
    String mac2 = t.path("routers").path("director2").path("eth0_mac").asText();
    assertThat(count(fr, f -> f.is("arp.opcode", "1") && f.first("eth.src").equals(mac2)
            && f.first("arp.src.proto_ipv4").equals(vi1.path("vip").asText())
            && f.time() >= take.path("t").asDouble() - 0.3 && f.time() < restart))
        .isGreaterThanOrEqualTo(t.path("keepalived").path("garp_master_repeat").asLong());
    // pre-emption: director1 adverts again after its restart, director2 falls silent
    JsonNode back = list(t.path("state_transitions")).stream()
        .filter(s -> s.path("router").asText().equals("director1") && s.path("instance").asText().equals("VI_1")
            && s.path("state").asText().equals("MASTER") && s.path("t").asDouble() > restart)
        .findFirst().orElseThrow();
    double tb = back.path("t").asDouble();
    assertThat(adv.stream().filter(f -> f.first("ip.src").equals(d1) && f.time() > restart).findFirst())
        .get().satisfies(f -> assertThat(f.time()).isBetween(tb - 0.3, tb + 0.3));
    assertThat(adv.stream().filter(f -> f.first("ip.src").equals(d2) && f.time() > tb + 0.3)).isEmpty();
    assertThat(adv.stream().filter(f -> f.first("ip.src").equals(d2) && f.time() > stop && f.time() < tb))
        .hasSizeGreaterThan(3);
  }

  @ParameterizedTest
  @MethodSource("splitBrain")
  void splitBrainBothMaster(Path dir) throws IOException {
    JsonNode t = truth(dir);
    List<JsonNode> ev = list(t.path("script_events"));
    double blocked = ev.stream().filter(e -> e.path("event").asText().equals("vrrp_blocked"))
        .findFirst().orElseThrow().path("t").asDouble();
    double unblocked = ev.stream().filter(e -> e.path("event").asText().equals("vrrp_unblocked"))
        .findFirst().orElseThrow().path("t").asDouble();
    JsonNode periods = t.path("master_periods").path("VI_1");
    // keepalived's logs: both directors MASTER at the same time while VRRP was blocked
    double overlapFrom = Double.MAX_VALUE, overlapTo = 0;
    for (JsonNode a : periods) for (JsonNode b : periods) {
      if (a.path("router").asText().equals(b.path("router").asText())) continue;
      double from = Math.max(a.path("from").asDouble(), b.path("from").asDouble());
      double to = Math.min(a.path("to").isNull() ? Double.MAX_VALUE : a.path("to").asDouble(),
          b.path("to").isNull() ? Double.MAX_VALUE : b.path("to").asDouble());
      if (to > from) { overlapFrom = Math.min(overlapFrom, from); overlapTo = Math.max(overlapTo, to); }
    }
    assertThat(overlapTo).as("overlapping MASTER periods").isGreaterThan(overlapFrom);
    assertThat(overlapFrom).isBetween(blocked, unblocked);
    String d1 = t.path("routers").path("director1").path("eth0").asText();
    String d2 = t.path("routers").path("director2").path("eth0").asText();
    List<Frame> adv = frames(dir.resolve("director2-eth0.pcap")).stream()
        .filter(f -> f.has("vrrp.prio")).toList();
    final double of = overlapFrom, ot = overlapTo;
    long fromD1 = adv.stream().filter(f -> f.time() > of && f.time() < ot && f.first("ip.src").equals(d1)).count();
    long fromD2 = adv.stream().filter(f -> f.time() > of && f.time() < ot && f.first("ip.src").equals(d2)).count();
    assertThat(fromD1).as("director1 adverts during split brain").isGreaterThanOrEqualTo(2);
    assertThat(fromD2).as("director2 adverts during split brain").isGreaterThanOrEqualTo(2);
  }

  // -------------------------------------------------------------------- LVS

  @ParameterizedTest
  @MethodSource("lvs")
  void lvsResponsesNameTheServerInTruth(Path dir) throws IOException {
    JsonNode t = truth(dir);
    String vip = t.path("vip").asText();
    String port = t.path("port").asText();
    String client = t.path("client").path("ip").asText();
    Map<String, String> ipOf = new LinkedHashMap<>();
    for (JsonNode s : t.path("real_servers")) ipOf.put(s.path("name").asText(), s.path("ip").asText());
    ipOf.put(t.path("sorry_server").path("name").asText(), t.path("sorry_server").path("ip").asText());
    List<Frame> front = frames(dir.resolve("client-eth0.pcap"));
    List<Frame> back = frames(dir.resolve("director-eth1.pcap"));
    List<JsonNode> reqs = list(t.path("requests"));
    assertThat(reqs).isNotEmpty();
    for (JsonNode r : reqs) {
      String cp = r.path("client_port").asText();
      // client side: the SYN(s) from this port go to the VIP
      List<Frame> syns = front.stream().filter(f -> f.is("tcp.flags.syn", "1") && f.is("tcp.flags.ack", "0")
          && f.is("tcp.srcport", cp)).toList();
      assertThat(syns).as("SYN from client port " + cp).isNotEmpty()
          .allMatch(f -> f.first("ip.dst").equals(vip) && f.is("tcp.dstport", port));
      // server side: the DNATed SYN keeps the client address and goes to one server
      Set<String> backDst = new TreeSet<>();
      back.stream().filter(f -> f.is("tcp.flags.syn", "1") && f.is("tcp.flags.ack", "0") && f.is("tcp.srcport", cp)
          && f.first("ip.src").equals(client)).forEach(f -> backDst.add(f.first("ip.dst")));
      assertThat(backDst).as("DNAT target for port " + cp).hasSize(1);
      if (r.path("ok").asBoolean()) {
        String name = r.path("answered_by").asText();
        assertThat(r.path("header_served_by").asText()).isEqualTo(name);
        assertThat(r.path("server_log_served_by").asText()).isEqualTo(name);
        assertThat(backDst).containsExactly(ipOf.get(name));
        List<Frame> resp = front.stream().filter(f -> f.has("http.response.code") && f.is("tcp.dstport", cp)).toList();
        assertThat(resp).as("HTTP response to port " + cp).hasSize(1);
        Frame h = resp.get(0);
        assertThat(h.first("ip.src")).as("un-NATed reply source").isEqualTo(vip);
        assertThat(h.first("tcp.srcport")).isEqualTo(port);
        assertThat(h.first("http.response.code")).isEqualTo("200");
        assertThat(h.all("http.response.line")).anyMatch(l -> l.startsWith("X-Served-By: " + name));
        assertThat(text(h.first("http.file_data"))).contains("served-by=" + name + " ");
      } else {
        assertThat(front.stream().filter(f -> f.has("http.response.code") && f.is("tcp.dstport", cp))).isEmpty();
        assertThat(count(front, f -> f.is("tcp.flags.reset", "1")
                && (f.is("tcp.dstport", cp) || f.is("tcp.srcport", cp))))
            .as("reset seen for failed request on port " + cp).isGreaterThan(0);
      }
    }
    // health checks (connect + close from the director): one SYN per logged check
    JsonNode hc = t.path("health_checks");
    String dip = t.path("director").path("dip").asText();
    List<JsonNode> ev = list(t.path("script_events"));
    double c0 = ev.stream().filter(e -> e.path("event").asText().equals("capture_start")).findFirst().orElseThrow().path("t").asDouble();
    // capture_stopping is logged just before tcpdump gets SIGINT (capture_stop after it exited)
    double c1 = ev.stream().filter(e -> e.path("event").asText().equals("capture_stopping")).findFirst()
        .or(() -> ev.stream().filter(e -> e.path("event").asText().equals("capture_stop")).findFirst())
        .orElseThrow().path("t").asDouble();
    for (JsonNode s : t.path("real_servers")) {
      String name = s.path("name").asText(), ip = s.path("ip").asText();
      List<JsonNode> checks = list(hc.path("log")).stream().filter(h -> h.path("event").asText().equals("check")
          && h.path("server").asText().equals(name)).toList();
      int total = hc.path("per_server").path(name).path("checks").asInt();
      assertThat(checks).hasSize(total);
      double lo = c0 + 0.1, hi = c1 - 0.1;
      long logged = checks.stream().filter(h -> h.path("t").asDouble() > lo && h.path("t").asDouble() < hi).count();
      // a check logged at t puts its SYN on the wire just after t
      long onWire = count(back, f -> f.time() > lo && f.time() < hi + 0.05 && f.first("ip.src").equals(dip)
          && f.first("ip.dst").equals(ip) && f.is("tcp.dstport", port) && f.is("tcp.flags.syn", "1")
          && f.is("tcp.flags.ack", "0"));
      assertThat(onWire).as("health-check SYNs to " + name).isEqualTo(logged);
      long failed = checks.stream().filter(h -> !h.path("ok").asBoolean()
          && h.path("t").asDouble() > lo && h.path("t").asDouble() < hi).count();
      long rsts = count(back, f -> f.time() > lo && f.time() < hi + 0.05 && f.first("ip.src").equals(ip)
          && f.first("ip.dst").equals(dip) && f.is("tcp.flags.reset", "1"));
      assertThat(rsts).as("refused health checks of " + name).isEqualTo(failed);
    }
  }

  @ParameterizedTest
  @MethodSource("lvsNat")
  void lvsRoundRobinThenSorryServer(Path dir) throws IOException {
    JsonNode t = truth(dir);
    List<JsonNode> reqs = list(t.path("requests"));
    List<JsonNode> pool = list(t.path("health_checks").path("pool_changes")).stream()
        .filter(p -> p.path("event").asText().equals("pool")).toList();
    Set<String> answered = new TreeSet<>();
    reqs.forEach(r -> { if (r.path("ok").asBoolean()) answered.add(r.path("answered_by").asText()); });
    assertThat(answered).as("rs1, rs2 and finally the sorry server answered").containsExactly("rs1", "rs2", "sorry");
    // each request is answered by a member of the pool active when it was made, and the
    // sorry server only when the health checker had emptied the pool
    Set<String> ports = new HashSet<>();
    for (JsonNode r : reqs) {
      assertThat(ports.add(r.path("client_port").asText())).as("client ports are unique").isTrue();
      if (!r.path("ok").asBoolean()) continue;
      double ts = r.path("t_start").asDouble();
      // pools that may have been in force when the request was made: the last one applied
      // before it, plus one whose nft update was in progress at that moment
      Set<String> members = new HashSet<>();
      JsonNode active = null;
      for (JsonNode p : pool) {
        double applied = p.path("t_apply").asDouble(p.path("t").asDouble());
        if (p.path("t").asDouble() <= ts) active = p;
        else if (applied <= ts + 0.05) addPool(members, p);
      }
      assertThat(active).isNotNull();
      addPool(members, active);
      assertThat(members).as("pool at request %d", r.path("seq").asInt()).contains(r.path("answered_by").asText());
    }
    // both real servers stopped during the run, as the script logged
    assertThat(list(t.path("script_events")).stream().filter(e -> e.path("event").asText().equals("server_stopped")))
        .hasSize(2);
    // round robin while both were up: consecutive answers alternate
    String prev = null;
    for (JsonNode r : reqs) {
      double ts = r.path("t_start").asDouble();
      if (!r.path("ok").asBoolean()) continue;
      if (pool.size() > 1 && ts > pool.get(1).path("t").asDouble()) break;
      String cur = r.path("answered_by").asText();
      if (prev != null) assertThat(cur).isNotEqualTo(prev);
      prev = cur;
    }
  }

  @ParameterizedTest
  @MethodSource("lvsDirect")
  void lvsDirectReplyBypassesDirector(Path dir) throws IOException {
    JsonNode t = truth(dir);
    String client = t.path("client").path("ip").asText();
    String rs1 = t.path("real_servers").get(0).path("ip").asText();
    String port = t.path("port").asText();
    List<Frame> front = frames(dir.resolve("client-eth0.pcap"));
    List<JsonNode> failed = list(t.path("requests")).stream().filter(r -> !r.path("ok").asBoolean()).toList();
    assertThat(failed).isNotEmpty();
    for (JsonNode r : failed) {
      String cp = r.path("client_port").asText();
      // un-NATed SYN/ACK straight from the real server's own address, reset by the client
      assertThat(count(front, f -> f.first("ip.src").equals(rs1) && f.first("ip.dst").equals(client)
              && f.is("tcp.srcport", port) && f.is("tcp.dstport", cp) && f.is("tcp.flags.syn", "1")
              && f.is("tcp.flags.ack", "1"))).isGreaterThan(0);
      assertThat(count(front, f -> f.first("ip.src").equals(client) && f.first("ip.dst").equals(rs1)
              && f.is("tcp.srcport", cp) && f.is("tcp.flags.reset", "1"))).isGreaterThan(0);
    }
    assertThat(list(t.path("requests")).stream().filter(r -> r.path("ok").asBoolean()))
        .allMatch(r -> r.path("answered_by").asText().equals("rs2"));
  }

  // ---------------------------------------------------------------- helpers

  /** http.file_data is a string in tshark 4.0 and bytes (hex) in later versions. */
  static String text(String fieldValue) {
    String hex = fieldValue.replace(":", "");
    if (!hex.isEmpty() && hex.length() % 2 == 0 && hex.matches("[0-9a-fA-F]+")) {
      byte[] b = new byte[hex.length() / 2];
      for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
      return new String(b, StandardCharsets.ISO_8859_1);
    }
    return fieldValue;
  }

  static void addPool(Set<String> members, JsonNode poolEvent) {
    if (poolEvent.path("pool").isEmpty()) members.add("sorry");
    poolEvent.path("pool").forEach(n -> members.add(n.asText()));
  }

  static JsonNode truth(Path dir) throws IOException {
    Path p = dir.resolve("truth.json");
    assertThat(p).exists();
    JsonNode t = JSON.readTree(p.toFile());
    assertThat(t.path("scenario").asText()).isEqualTo(dir.getFileName().toString());
    return t;
  }

  static String read(Path p) throws IOException {
    assertThat(p).exists();
    return Files.readString(p);
  }

  static List<JsonNode> list(JsonNode arr) {
    List<JsonNode> out = new ArrayList<>();
    arr.forEach(out::add);
    return out;
  }

  static long count(List<Frame> frames, Predicate<Frame> p) {
    return frames.stream().filter(p).count();
  }

  static List<Frame> frames(Path pcap) {
    return CACHE.computeIfAbsent(pcap.toAbsolutePath(), SamplesTruthTest::runTshark);
  }

  static List<Frame> runTshark(Path pcap) {
    List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString(),
        "-d", "udp.port==8472,vxlan", "-T", "fields", "-E", "separator=\t", "-E", "occurrence=a",
        "-E", "aggregator=\u001f", "-E", "quote=n"));
    for (String f : FIELDS) { cmd.add("-e"); cmd.add(f); }
    try {
      Path out = Files.createTempFile("tshark", ".tsv");
      try {
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          fail("tshark timed out on " + pcap);
        }
        assertThat(p.exitValue()).as("tshark exit status on " + pcap).isZero();
        List<Frame> frames = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
          if (!line.isEmpty()) frames.add(new Frame(line));
        }
        return frames;
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run tshark (is it installed?) on " + pcap, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** One decoded frame: every field with all its occurrences (outer layer first). */
  static final class Frame {
    final String line;
    final Map<String, List<String>> values = new HashMap<>();

    Frame(String line) {
      this.line = line;
      String[] cols = line.split("\t", -1);
      for (int i = 0; i < FIELDS.size() && i < cols.length; i++) {
        if (!cols[i].isEmpty()) values.put(FIELDS.get(i), List.of(cols[i].split("\u001f", -1)));
      }
    }

    boolean has(String f) { return values.containsKey(f); }
    List<String> all(String f) { return values.getOrDefault(f, List.of()); }
    String first(String f) { List<String> v = all(f); return v.isEmpty() ? "" : v.get(0); }
    String last(String f) { List<String> v = all(f); return v.isEmpty() ? "" : v.get(v.size() - 1); }
    double time() { return Double.parseDouble(first("frame.time_epoch")); }

    /** Field equals value; booleans accept tshark's 1/0 and True/False spellings. */
    boolean is(String f, String v) {
      String x = first(f);
      if (v.equals("1") && x.equals("True")) return true;
      if (v.equals("0") && x.equals("False")) return true;
      return x.equals(v);
    }
  }
}
