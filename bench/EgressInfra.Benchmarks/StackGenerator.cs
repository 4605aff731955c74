using System.Globalization;
using System.Text;

namespace EgressInfra.Benchmarks;

/// <summary>
/// Writes a realistic stack file with a given number of services: a mix of TLS APIs, HTTPS+TLS
/// mirrors, databases on private addresses and gRPC APIs, each with several hosts or ports, each
/// used by one to three namespaces (20 unless told otherwise). The stack is clean: no errors and no analysis finding,
/// as a stack that is deployed would be.
/// </summary>
public static class StackGenerator
{
    /// <summary>The namespaces a stack spreads its services over unless told otherwise.</summary>
    public const int DefaultNamespaces = 20;

    /// <param name="changedEvery">When above zero, every such service (but databases) gets one more
    /// host: the "new" version of a stack for <c>diff</c>.</param>
    public static string Generate(int services, int namespaces = DefaultNamespaces, int changedEvery = 0)
    {
        var sb = new StringBuilder(services * 420);
        sb.Append("# Generated for benchmarks.\n");
        sb.Append("config:\n");
        sb.Append("  egress-infra:environment: prod\n");
        // A prod stack names its cluster, or the Pulumi run refuses to start (EGR500).
        sb.Append("  egress-infra:context: bench\n");
        sb.Append("  egress-infra:egress:\n");
        sb.Append("    outboundTrafficPolicy: REGISTRY_ONLY\n");
        sb.Append("    sidecarImports: [\"istio-system/*\"]\n");
        sb.Append("    namespaces:\n");
        for (var n = 0; n < namespaces; n++)
        {
            sb.Append(Inv($"      - team-{n:D2}\n"));
        }

        sb.Append("    services:\n");
        for (var i = 0; i < services; i++)
        {
            AppendService(sb, i, namespaces, changedEvery > 0 && i % changedEvery == 0);
        }

        return sb.ToString();
    }

    private static void AppendService(StringBuilder sb, int i, int namespaces, bool changed)
    {
        var vendor = Inv($"vendor{i % 97:D2}");
        sb.Append(Inv($"      - name: svc-{i:D5}\n"));
        switch (i % 4)
        {
            case 0:
                sb.Append(Inv($"        hosts: [api-{i}.{vendor}.com, eu.api-{i}.{vendor}.com, us.api-{i}.{vendor}.com{(changed ? $", ap.api-{i}.{vendor}.com" : string.Empty)}]\n"));
                sb.Append("        ports:\n");
                sb.Append("          - { number: 443, protocol: TLS }\n");
                sb.Append("          - { number: 8443, protocol: TLS, name: tls-alt }\n");
                break;
            case 1:
                sb.Append(Inv($"        hosts:\n          - mirror-{i}.{vendor}.org\n          - cdn.mirror-{i}.{vendor}.org\n"));
                if (changed)
                {
                    sb.Append(Inv($"          - eu.mirror-{i}.{vendor}.org\n"));
                }

                sb.Append("        ports:\n");
                sb.Append("          - number: 443\n            protocol: HTTPS\n");
                sb.Append("          - number: 8443\n            protocol: TLS\n");
                sb.Append("        resolution: DNS\n");
                break;
            case 2:
                sb.Append(Inv($"        hosts: [db-{i}.prod.internal]\n"));
                sb.Append(Inv($"        addresses: [10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}/32]\n"));
                sb.Append("        ports:\n");
                sb.Append("          - { number: 5432, protocol: TCP, name: postgres }\n");
                sb.Append("        resolution: NONE\n");
                break;
            default:
                sb.Append(Inv($"        hosts: [grpc-{i}.{vendor}.io, grpc-{i}-canary.{vendor}.io{(changed ? $", grpc-{i}-eu.{vendor}.io" : string.Empty)}]\n"));
                sb.Append("        ports:\n");
                sb.Append("          - { number: 443, protocol: TLS }\n");
                sb.Append("          - { number: 9443, protocol: TLS, name: tls-admin }\n");
                sb.Append("        location: MESH_EXTERNAL\n");
                break;
        }

        sb.Append(Inv($"        namespaces: [team-{i % namespaces:D2}"));
        for (var k = 1; k <= i % 3; k++)
        {
            sb.Append(Inv($", team-{(i + (k * 5)) % namespaces:D2}"));
        }

        sb.Append("]\n");
        sb.Append(Inv($"        owner: team-{i % namespaces:D2}\n"));
        sb.Append(Inv($"        reason: \"Dependency {i} of the team's service: {vendor} API.\"\n"));
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
