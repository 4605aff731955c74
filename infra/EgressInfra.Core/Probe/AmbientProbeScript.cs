using System.Globalization;
using System.Text;

namespace EgressInfra.Core.Probe;

/// <summary>
/// The ambient probe's script: the same check lines as <see cref="ProbeScript"/>, but no proxy in
/// the pod to ask. It first waits for the pod's enrolment, then runs the HTTP and TLS checks, and
/// ends without stopping anything (there is no sidecar to keep the Job alive).
/// </summary>
internal static class AmbientProbeScript
{
    /// <summary>Where the Job's downward-API volume puts the pod's own annotations.</summary>
    public const string PodInfoDirectory = "/etc/podinfo";

    /// <summary>
    /// Set on the pod by istio-cni once its traffic is redirected to ztunnel and ztunnel took it
    /// (istio/istio cni/pkg/nodeagent/meshdataplane_linux.go AddPodToMesh, util.AnnotateEnrolledPod;
    /// "pending" when ztunnel has not taken it yet). A pod with a sidecar is never enrolled
    /// (cni/pkg/util/enablement_selector.go, podHasSidecar).
    /// </summary>
    public const string RedirectionAnnotation = "ambient.istio.io/redirection";

    private const string Helpers = """
        # HTTP: an answer from the destination. 000 is a connection the NetworkPolicy dropped; 502 and
        # 503 are the waypoint's own (no upstream); 403 "RBAC: access denied" is the waypoint's policy.
        http_reached() {
          body="${TMPDIR:-/tmp}/egress-probe.body"
          rm -f "$body"
          code=$(curl -s -o "$body" -w '%{http_code}' --connect-timeout "$T" --max-time "$T" "$1" 2>/dev/null)
          case "$code" in ''|000|502|503) return 1 ;; esac
          if [ "$code" = 403 ] && grep -q 'RBAC: access denied' "$body" 2>/dev/null; then return 1; fi
          return 0
        }

        # TLS: a completed handshake and an HTTP answer; the waypoint resets what its policy refuses.
        tls_reached() {
          curl -s -o /dev/null --connect-timeout "$T" --max-time "$T" "$1" >/dev/null 2>&1
        }


        """;

    public static string Write(string ns, string policyHash, IReadOnlyList<ProbeCheck> checks, IReadOnlyList<string> skipped, ProbeConfig settings)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(skipped);
        ArgumentNullException.ThrowIfNull(settings);
        var sb = ProbeScript.Begin($"# Egress probe of ambient namespace {ns}, policy sha256:{policyHash}.\n", Helpers, settings);
        AppendEnrolmentGuard(sb);
        ProbeScript.AppendChecks(sb, checks, skipped);
        ProbeScript.AppendVerdict(sb);
        return sb.ToString();
    }

    // Without ztunnel every "reached" would be the open network's answer and every deny check would
    // fail for the wrong reason: the probe refuses to judge and says why, with the same exit code as
    // a sidecar probe without a proxy. The kubelet refreshes the annotations file on its next sync
    // of the pod, so the script waits for it.
    private static void AppendEnrolmentGuard(StringBuilder sb)
    {
        sb.Append("# istio-cni annotates the pod ").Append(RedirectionAnnotation).Append("=enabled once ztunnel carries its traffic.\n");
        sb.Append("waited=0\n");
        sb.Append("until grep -qx '").Append(RedirectionAnnotation).Append("=\"enabled\"' ").Append(PodInfoDirectory).Append("/annotations 2>/dev/null; do\n");
        sb.Append(CultureInfo.InvariantCulture, $"  if [ \"$waited\" -ge {ProbePlan.AmbientEnrolmentWaitSeconds} ]; then\n");
        sb.Append("    echo \"egress probe FAILED: this pod is not enrolled in ambient (no ").Append(RedirectionAnnotation)
            .Append("=enabled from istio-cni: the namespace lacks istio.io/dataplane-mode=ambient, the pod opted out, got a sidecar, or ztunnel has not taken it); nothing was tested\"\n");
        sb.Append(CultureInfo.InvariantCulture, $"    exit {ProbeScript.NoProxyExitCode}\n");
        sb.Append("  fi\n");
        sb.Append("  sleep 2\n");
        sb.Append("  waited=$((waited + 2))\n");
        sb.Append("done\n\n");
    }
}
