using System.Globalization;
using System.Text;

namespace EgressInfra.Core.Probe;

/// <summary>
/// Writes the probe's POSIX <c>sh</c> script: one line per check, a log line per result, the sidecar
/// stopped at the end so the Job can complete, and a non-zero exit on any surprise. Every value from
/// the config is single-quoted, so no host or description can change what the script runs.
/// </summary>
public static class ProbeScript
{
    /// <summary>Istio's pilot-agent endpoint that stops the sidecar (a no-op with native sidecars).</summary>
    public const string QuitSidecarUrl = "http://127.0.0.1:15020/quitquitquit";

    private const string Helpers = """
        # HTTP: an answer from the destination, not the sidecar's own 502 (no route) or 503 (no upstream).
        http_reached() {
          code=$(curl -s -o /dev/null -w '%{http_code}' --connect-timeout "$T" --max-time "$T" "$1" 2>/dev/null)
          case "$code" in ''|000|502|503) return 1 ;; esac
        }

        # TLS: a completed handshake and an HTTP answer; the sidecar resets connections it may not pass on.
        tls_reached() {
          curl -s -o /dev/null --connect-timeout "$T" --max-time "$T" "$1" >/dev/null 2>&1
        }

        # The proxy's own counters for a declared host and port (its cluster outbound|port||host), plus
        # the passthrough cluster: upstream connections opened minus those that failed to connect.
        upstream_connections() {
          curl -fsS --max-time 3 'http://127.0.0.1:15000/stats?filter=upstream_cx_' 2>/dev/null |
            awk -v a="cluster.outbound|$2||$1." -v b="cluster.PassthroughCluster." '
              { for (i = 0; i < 2; i++) { n = i ? b : a
                  if ($1 == n "upstream_cx_total:") t += $2
                  if ($1 == n "upstream_cx_connect_fail:") f += $2 } }
              END { print t - f + 0 }'
        }

        # TCP: the sidecar accepts every connection itself and holds it open even when it passes
        # nothing on, so neither a connect nor a connection that stays open proves anything. Reached
        # means the server spoke, or the proxy counted a new upstream connection for the destination.
        tcp_reached() {
          out="${TMPDIR:-/tmp}/egress-probe.out"
          rm -f "$out"
          before=$(upstream_connections "$3" "$2")
          sleep "$T" | timeout "$T" nc "$1" "$2" >"$out" 2>/dev/null
          after=$(upstream_connections "$3" "$2")
          [ -s "$out" ] || [ "$after" -gt "$before" ]
        }

        # Spoofed Host header: a declared host's name sent to an address where nothing answers. The
        # sidecar must route by the declared host and answer; silence (or a timeout reported by the
        # sidecar) means it forwarded the request to the address the client dialled.
        spoof_forwarded() {
          code=$(curl -s -o /dev/null -w '%{http_code}' --connect-timeout "$T" --max-time "$T" -H "Host: $1" "$2" 2>/dev/null)
          case "$code" in ''|000|503|504) return 0 ;; esac
          return 1
        }

        # Spoofed SNI: a declared TLS host's name on a connection dialled to an address where nothing
        # answers. A completed exchange means the proxy routed by the name; anything else means it
        # forwarded the connection to the dialled address.
        sni_forwarded() {
          curl -s -o /dev/null --connect-timeout "$T" --max-time "$T" --connect-to "$1" "$2" >/dev/null 2>&1 && return 1
          return 0
        }


        """;

    /// <summary>
    /// The <c>check EXPECTED WHAT COMMAND...</c> function every probe script ends its helpers with:
    /// it runs the command, compares reached/blocked with what the policy says, and counts failures.
    /// </summary>
    internal const string CheckFunction = """
        check() {
          expected=$1
          what=$2
          shift 2
          checks=$((checks + 1))
          if "$@"; then got=reached; else got=blocked; fi
          if [ "$got" = "$expected" ]; then
            echo "ok    $what: $got"
          else
            echo "FAIL  $what: $got, expected $expected"
            failures=$((failures + 1))
          fi
        }

        """;

    private const string BypassHelpers = """
        # A bare connect: a NetworkPolicy drop shows as a connect that never completes (a timeout).
        direct_connect() {
          timeout "$T" nc -z -w "$T" "$1" "$2" >/dev/null 2>&1
        }


        """;

    /// <summary>Istio's pilot-agent readiness endpoint, served only where a sidecar proxy runs.</summary>
    public const string ProxyReadyUrl = "http://127.0.0.1:15021/healthz/ready";

    /// <summary>Exit code of a probe that found no proxy: nothing was tested.</summary>
    public const int NoProxyExitCode = 3;

    // Without a proxy every "reached" would be the open network's answer and every deny check would
    // fail for the wrong reason: the probe refuses to judge and says why.
    private const string NoProxyGuard = """
        if ! curl -fsS -o /dev/null --connect-timeout 2 --max-time 5 'http://127.0.0.1:15021/healthz/ready'; then
          echo "egress probe FAILED: no sidecar proxy in this pod (injection off, or an ambient namespace); nothing was tested"
          exit 3
        fi

        """;

    public static string Write(string ns, string policyHash, IReadOnlyList<ProbeCheck> checks, IReadOnlyList<string> skipped, ProbeConfig settings)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(skipped);
        ArgumentNullException.ThrowIfNull(settings);
        var sb = Begin($"# Egress probe of namespace {ns}, policy sha256:{policyHash}.\n", Helpers, settings);
        sb.Append(Unix(NoProxyGuard)).Append('\n');
        AppendChecks(sb, checks, skipped);
        sb.Append("# Stop the sidecar so the Job can complete.\n");
        sb.Append("curl -fsS -X POST ").Append(QuitSidecarUrl).Append(" >/dev/null 2>&1 || true\n\n");
        AppendVerdict(sb);
        return sb.ToString();
    }

    /// <summary>The script of an ambient namespace's probe: no proxy in the pod, its enrolment checked instead.</summary>
    public static string WriteAmbient(string ns, string policyHash, IReadOnlyList<ProbeCheck> checks, IReadOnlyList<string> skipped, ProbeConfig settings) =>
        AmbientProbeScript.Write(ns, policyHash, checks, skipped, settings);

    /// <summary>
    /// The script of the bypass checks, for a container running as the proxy's UID (1337), whose
    /// connections the sidecar does not capture: each direct connect must not complete within the
    /// timeout, because the namespace's NetworkPolicy drops it. It does not stop the sidecar; the main
    /// script does.
    /// </summary>
    public static string WriteBypass(string ns, string policyHash, IReadOnlyList<ProbeCheck> checks, ProbeConfig settings)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(settings);
        var sb = new StringBuilder();
        sb.Append("#!/bin/sh\n");
        sb.Append("# Egress bypass probe of namespace ").Append(ns).Append(", policy sha256:").Append(policyHash).Append(".\n");
        sb.Append("# Runs as UID 1337, which Istio's iptables rules do not redirect: only the NetworkPolicy stands in the way.\n");
        sb.Append(CultureInfo.InvariantCulture, $"T={settings.TimeoutSeconds}\n");
        sb.Append("checks=0\nfailures=0\n\n");
        sb.Append(Unix(BypassHelpers)).Append(Unix(CheckFunction)).Append('\n');
        foreach (var check in checks)
        {
            sb.Append("check blocked ").Append(Quote(check.Description)).Append(' ').Append(Command(check)).Append('\n');
        }

        sb.Append('\n');
        sb.Append("if [ \"$failures\" -ne 0 ]; then\n");
        sb.Append("  echo \"egress bypass probe FAILED: $failures of $checks direct connections got through\"\n");
        sb.Append("  exit 1\n");
        sb.Append("fi\n");
        sb.Append("echo \"egress bypass probe passed: $checks direct connections dropped\"\n");
        return sb.ToString();
    }

    /// <summary>
    /// A probe script's opening: the interpreter line, the caller's title line, the one written-by
    /// line, the timeout, the counters, then the given helpers and the shared <c>check</c> function.
    /// </summary>
    internal static StringBuilder Begin(string title, string helpers, ProbeConfig settings)
    {
        var sb = new StringBuilder();
        sb.Append("#!/bin/sh\n");
        sb.Append(title);
        sb.Append("# Written by egress-infra from the stack's config; every check line below is one destination.\n");
        sb.Append(CultureInfo.InvariantCulture, $"T={settings.TimeoutSeconds}\n");
        sb.Append("checks=0\nfailures=0\n\n");
        sb.Append(Unix(helpers)).Append(Unix(CheckFunction)).Append('\n');
        return sb;
    }

    /// <summary>One <c>check</c> line per check, then one log line per check the plan skipped.</summary>
    internal static void AppendChecks(StringBuilder sb, IReadOnlyList<ProbeCheck> checks, IReadOnlyList<string> skipped)
    {
        foreach (var check in checks)
        {
            sb.Append("check ").Append(check.Expected == ProbeOutcome.Reached ? "reached" : "blocked")
                .Append(' ').Append(Quote(check.Description))
                .Append(' ').Append(Command(check)).Append('\n');
        }

        foreach (var note in skipped)
        {
            sb.Append("echo ").Append(Quote("skip  " + note)).Append('\n');
        }

        sb.Append('\n');
    }

    /// <summary>The exit: 1 with the count of surprises, or 0 with the count of checks.</summary>
    internal static void AppendVerdict(StringBuilder sb)
    {
        sb.Append("if [ \"$failures\" -ne 0 ]; then\n");
        sb.Append("  echo \"egress probe FAILED: $failures of $checks checks did not see what the policy says\"\n");
        sb.Append("  exit 1\n");
        sb.Append("fi\n");
        sb.Append("echo \"egress probe passed: $checks checks\"\n");
    }

    // Raw literals take the source file's line endings; the script is always LF.
    private static string Unix(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Quotes a value for <c>sh</c>: single quotes, with each embedded quote closed, escaped and reopened.</summary>
    public static string Quote(string value) =>
        "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    internal static string Command(ProbeCheck check) => check.Method switch
    {
        ProbeMethod.Http => $"http_reached {Quote(Url("http", check.Host, check.Port))}",
        ProbeMethod.Tls => $"tls_reached {Quote(Url("https", check.Host, check.Port))}",
        ProbeMethod.DirectConnect => string.Create(CultureInfo.InvariantCulture, $"direct_connect {Quote(check.Host)} {check.Port}"),
        ProbeMethod.Tcp => string.Create(CultureInfo.InvariantCulture, $"tcp_reached {Quote(check.Host)} {check.Port} {Quote(check.ServiceHost ?? check.Host)}"),
        ProbeMethod.SpoofedSni => $"sni_forwarded {Quote(ConnectTo(check))} {Quote(Url("https", check.HostHeader ?? string.Empty, check.Port))}",
        _ => $"spoof_forwarded {Quote(check.HostHeader ?? string.Empty)} {Quote(Url("http", check.Host, check.Port))}",
    };

    /// <summary><c>curl --connect-to</c>: the declared name and port, dialled at the spoof address.</summary>
    private static string ConnectTo(ProbeCheck check)
    {
        var address = check.Host.Contains(':', StringComparison.Ordinal) ? $"[{check.Host}]" : check.Host;
        return string.Create(CultureInfo.InvariantCulture, $"{check.HostHeader}:{check.Port}:{address}:{check.Port}");
    }

    private static string Url(string scheme, string host, long port)
    {
        var authority = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return string.Create(CultureInfo.InvariantCulture, $"{scheme}://{authority}:{port}/");
    }
}
