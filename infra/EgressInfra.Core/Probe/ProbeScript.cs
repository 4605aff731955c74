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

        # TCP: the sidecar accepts every connection itself and closes at once those it may not pass on,
        # so a bare connect proves nothing. Reached means the connection stayed open for the whole
        # timeout, or the server spoke first.
        tcp_reached() {
          out="${TMPDIR:-/tmp}/egress-probe.out"
          secs="${TMPDIR:-/tmp}/egress-probe.secs"
          rm -f "$out" "$secs"
          sleep $((T + 1)) | {
            start=$(date +%s)
            timeout "$T" nc "$1" "$2" >"$out" 2>/dev/null
            echo $(($(date +%s) - start)) >"$secs"
          }
          [ -s "$out" ] || [ "$(cat "$secs")" -ge "$T" ]
        }

        # Spoofed Host header: a declared host's name sent to an address where nothing answers. The
        # sidecar must route by the declared host and answer; silence (or a timeout reported by the
        # sidecar) means it forwarded the request to the address the client dialled.
        spoof_forwarded() {
          code=$(curl -s -o /dev/null -w '%{http_code}' --connect-timeout "$T" --max-time "$T" -H "Host: $1" "$2" 2>/dev/null)
          case "$code" in ''|000|503|504) return 0 ;; esac
          return 1
        }

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

    public static string Write(string ns, string policyHash, IReadOnlyList<ProbeCheck> checks, IReadOnlyList<string> skipped, ProbeConfig settings)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(skipped);
        ArgumentNullException.ThrowIfNull(settings);
        var sb = new StringBuilder();
        sb.Append("#!/bin/sh\n");
        sb.Append("# Egress probe of namespace ").Append(ns).Append(", policy sha256:").Append(policyHash).Append(".\n");
        sb.Append("# Written by egress-infra from the stack's config; every check line below is one destination.\n");
        sb.Append(CultureInfo.InvariantCulture, $"T={settings.TimeoutSeconds}\n");
        sb.Append("checks=0\nfailures=0\n\n");
        sb.Append(Helpers.Replace("\r\n", "\n", StringComparison.Ordinal)).Append('\n');
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
        sb.Append("# Stop the sidecar so the Job can complete.\n");
        sb.Append("curl -fsS -X POST ").Append(QuitSidecarUrl).Append(" >/dev/null 2>&1 || true\n\n");
        sb.Append("if [ \"$failures\" -ne 0 ]; then\n");
        sb.Append("  echo \"egress probe FAILED: $failures of $checks checks did not see what the policy says\"\n");
        sb.Append("  exit 1\n");
        sb.Append("fi\n");
        sb.Append("echo \"egress probe passed: $checks checks\"\n");
        return sb.ToString();
    }

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
        sb.Append(BypassHelpers.Replace("\r\n", "\n", StringComparison.Ordinal)).Append('\n');
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

    /// <summary>Quotes a value for <c>sh</c>: single quotes, with each embedded quote closed, escaped and reopened.</summary>
    public static string Quote(string value) =>
        "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Command(ProbeCheck check) => check.Method switch
    {
        ProbeMethod.Http => $"http_reached {Quote(Url("http", check.Host, check.Port))}",
        ProbeMethod.Tls => $"tls_reached {Quote(Url("https", check.Host, check.Port))}",
        ProbeMethod.Tcp => string.Create(CultureInfo.InvariantCulture, $"tcp_reached {Quote(check.Host)} {check.Port}"),
        ProbeMethod.DirectConnect => string.Create(CultureInfo.InvariantCulture, $"direct_connect {Quote(check.Host)} {check.Port}"),
        _ => $"spoof_forwarded {Quote(check.HostHeader ?? string.Empty)} {Quote(Url("http", check.Host, check.Port))}",
    };

    private static string Url(string scheme, string host, long port)
    {
        var authority = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return string.Create(CultureInfo.InvariantCulture, $"{scheme}://{authority}:{port}/");
    }
}
