using System.Text.Json.Nodes;
using EgressInfra.Core.Config;
using EgressInfra.Core.Config.Binding;

namespace EgressInfra.Core.Schema;

/// <summary>
/// Types and descriptions of every key the binder reads, keyed like the binder's key lists
/// (<see cref="StackConfigBinder.RootKeys"/> and the others). Data, not logic: the generator walks the
/// binder's lists and looks each key up here, and a test fails when a key has no entry.
/// </summary>
public static class SchemaKeys
{
    /// <summary>The API server's DNS-1123 label rule, as <see cref="Validation.KubernetesNames.IsDns1123Label"/> applies it (a test keeps them equal).</summary>
    public const string Dns1123LabelPattern = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    public static readonly IReadOnlyDictionary<string, KeySpec> Root = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["environment"] = new("Which environment the stack deploys; sets the floor of the policy profile (staging and prod are restrictive).", () => Enum(Names<DeploymentEnvironment>(e => e.Name())), Required: true),
        ["profile"] = new("Policy profile in force; empty means the environment's default (permissive for dev, restrictive otherwise).", () => new JsonObject { ["type"] = "string", ["examples"] = new JsonArray("restrictive", "permissive") }),
        ["egress"] = new("The governed namespaces and the external services they may reach.", () => new JsonObject { ["$ref"] = ConfigSchema.EgressFileName }, Required: true),
        ["kubeconfig"] = new("Pulumi only: path or contents of the kubeconfig the Kubernetes provider uses; empty means the ambient kubeconfig.", String),
        ["context"] = new("Pulumi only: kubeconfig context to deploy to; empty means the current context.", String),
        ["renderYamlToDirectory"] = new("Pulumi only: when set, the provider writes the manifests to this directory instead of applying them to a cluster.", String),
    };

    public static readonly IReadOnlyDictionary<string, KeySpec> Egress = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["outboundTrafficPolicy"] = new("What each namespace's Sidecar does with destinations no entry declares: REGISTRY_ONLY blocks them, ALLOW_ANY passes them through.", () => With(Enum(Names<OutboundTrafficPolicy>(p => p.Name())), "default", "REGISTRY_ONLY")),
        ["namespaces"] = new("The namespaces this stack governs: each gets one Sidecar named default.", () => Array(Ref("dns1123Label"), minItems: 1, unique: true), Required: true),
        ["services"] = new("The external destinations the governed namespaces may reach; each becomes one ServiceEntry in every namespace that uses it.", () => Array(Ref("service"))),
        ["sidecarImports"] = new("Extra namespace/host imports added to every Sidecar (the control plane and egress gateway live here).", () => With(Array(Pattern("^[^/]+/[^/]+$")), "default", new JsonArray([.. StackConfigBinder.DefaultSidecarImports.Select(i => (JsonNode)i)]))),
    };

    public static readonly IReadOnlyDictionary<string, KeySpec> Service = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["name"] = new("Stable name, a DNS-1123 label; becomes the ServiceEntry's metadata.name.", () => Ref("dns1123Label"), Required: true),
        ["hosts"] = new("Exact host names, or *.domain wildcards (which cover subdomains, not the domain itself).", () => Array(String(), minItems: 1), Required: true),
        ["addresses"] = new("IP addresses or CIDR ranges; opaque TCP traffic is matched by these.", () => Array(String())),
        ["ports"] = new("The ports the destination is reached on, with their protocols.", () => Array(Ref("port"), minItems: 1), Required: true),
        ["resolution"] = new("How the sidecar finds the destination's IPs. Default: DNS for exact hosts; NONE with a wildcard host or a CIDR; STATIC with IP endpoints.", () => Enum(Names<ServiceResolution>(r => r.Name()))),
        ["location"] = new("MESH_EXTERNAL (default) for destinations outside the mesh, MESH_INTERNAL for ones inside it.", () => With(Enum(Names<ServiceLocation>(l => l.Name())), "default", "MESH_EXTERNAL")),
        ["exportTo"] = new("Namespaces the ServiceEntry is visible to; \".\" (default) keeps it in the namespace it is placed in.", () => With(Array(String()), "default", new JsonArray("."))),
        ["namespaces"] = new("The governed namespaces allowed to use the service; default: every governed namespace.", () => Array(Ref("dns1123Label"), minItems: 1, unique: true)),
        ["endpoints"] = new("Explicit backends of the service.", () => Array(Ref("endpoint"))),
        ["subjectAltNames"] = new("Identities the destination's certificate must present.", () => Array(String())),
        ["owner"] = new("Who answers for this destination (a team).", String),
        ["reason"] = new("Why the destination is needed.", String),
    };

    public static readonly IReadOnlyDictionary<string, KeySpec> Port = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["number"] = new("The port number.", PortNumber, Required: true),
        ["protocol"] = new("What the port carries; decides how the sidecar handles it (HTTP routes by Host, TLS by SNI, TCP by address). Any case is accepted.", () => Ref("protocol"), Required: true),
        ["name"] = new("Port name; default <protocol>-<number>, e.g. https-443.", String),
        ["targetPort"] = new("Port on the destination, when it differs from number.", PortNumber),
    };

    public static readonly IReadOnlyDictionary<string, KeySpec> Endpoint = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["address"] = new("IP address, host name or unix:// socket of the backend.", String, Required: true),
        ["ports"] = new("Backend port per service port name.", () => new JsonObject { ["type"] = "object", ["additionalProperties"] = PortNumber() }),
        ["labels"] = new("Labels of the backend.", () => new JsonObject { ["type"] = "object", ["additionalProperties"] = String() }),
        ["network"] = new("Network of the backend (multi-network meshes).", String),
        ["locality"] = new("Locality of the backend, region/zone/subzone.", String),
        ["weight"] = new("Load-balancing weight of the backend.", () => new JsonObject { ["type"] = "integer", ["minimum"] = 0 }),
    };

    private static JsonObject String() => new() { ["type"] = "string" };

    private static JsonObject Pattern(string pattern) => new() { ["type"] = "string", ["pattern"] = pattern };

    private static JsonObject PortNumber() => new() { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 65535 };

    internal static JsonObject Ref(string definition) => new() { ["$ref"] = $"#/$defs/{definition}" };

    internal static JsonObject Enum(IEnumerable<string> values) =>
        new() { ["type"] = "string", ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]) };

    private static JsonObject Array(JsonObject items, int? minItems = null, bool unique = false)
    {
        var array = new JsonObject { ["type"] = "array", ["items"] = items };
        if (minItems is { } min)
        {
            array["minItems"] = min;
        }

        if (unique)
        {
            array["uniqueItems"] = true;
        }

        return array;
    }

    private static JsonObject With(JsonObject schema, string keyword, JsonNode value)
    {
        schema[keyword] = value;
        return schema;
    }

    internal static IEnumerable<string> Names<T>(Func<T, string> name)
        where T : struct, System.Enum => System.Enum.GetValues<T>().Select(name);
}
