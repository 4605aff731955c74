using EgressInfra.Core.Collections;
using EgressInfra.Core.Manifests;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

namespace EgressInfra.Resources.Istio;

/// <summary>
/// Core objects to Pulumi args: the one place that knows both. It copies, never decides; empty
/// lists and maps stay unset, as <see cref="ManifestTree"/> leaves them out of the rendered YAML.
/// </summary>
internal static class IstioArgsMapper
{
    public static ServiceEntryArgs ToArgs(ServiceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var spec = entry.Spec;
        return new ServiceEntryArgs(entry.ApiVersion)
        {
            Metadata = ToArgs(entry.Metadata),
            Spec = new ServiceEntrySpecArgs
            {
                Hosts = List(spec.Hosts),
                Addresses = List(spec.Addresses),
                Ports = List(spec.Ports.Select(p => new ServicePortArgs
                {
                    Number = checked((int)p.Number),
                    Protocol = Text(p.Protocol),
                    Name = Text(p.Name),
                    TargetPort = Number(p.TargetPort),
                })),
                Location = Text(spec.Location),
                Resolution = Text(spec.Resolution),
                Endpoints = List(spec.Endpoints.Select(e => new WorkloadEntryArgs
                {
                    Address = Text(e.Address),
                    Ports = Map(e.Ports, v => checked((int)v)),
                    Labels = Map(e.Labels, v => v),
                    Network = Text(e.Network),
                    Locality = Text(e.Locality),
                    Weight = Number(e.Weight),
                    ServiceAccount = Text(e.ServiceAccount),
                })),
                WorkloadSelector = Selector(spec.WorkloadSelector),
                ExportTo = List(spec.ExportTo),
                SubjectAltNames = List(spec.SubjectAltNames),
            },
        };
    }

    public static SidecarArgs ToArgs(Sidecar sidecar)
    {
        ArgumentNullException.ThrowIfNull(sidecar);
        return new SidecarArgs(sidecar.ApiVersion)
        {
            Metadata = ToArgs(sidecar.Metadata),
            Spec = new SidecarSpecArgs
            {
                Egress = new InputList<IstioEgressListenerArgs> { new IstioEgressListenerArgs { Hosts = List(sidecar.Spec.EgressHosts) } },
                OutboundTrafficPolicy = new OutboundTrafficPolicyArgs { Mode = sidecar.Spec.OutboundTrafficPolicy },
            },
        };
    }

    /// <summary>The Core's name is the Kubernetes name: set explicitly, so Pulumi does not add a random suffix.</summary>
    public static ObjectMetaArgs ToArgs(ObjectMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var args = new ObjectMetaArgs { Name = metadata.Name, Namespace = Text(metadata.Namespace) };
        if (metadata.Labels.Count > 0)
        {
            args.Labels = Map(metadata.Labels, v => v)!;
        }

        if (metadata.Annotations.Count > 0)
        {
            args.Annotations = Map(metadata.Annotations, v => v)!;
        }

        return args;
    }

    // An unset field stays unset: a null converted to Input<T> would be sent as an explicit null.
    private static Input<string>? Text(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return value;
    }

    private static Input<int>? Number(long? value)
    {
        if (value is null)
        {
            return null;
        }

        return checked((int)value.Value);
    }

    private static Input<WorkloadSelectorArgs>? Selector(WorkloadSelector? selector)
    {
        if (selector is null)
        {
            return null;
        }

        return new WorkloadSelectorArgs { Labels = Map(selector.Labels, v => v) };
    }

    private static InputList<T>? List<T>(IEnumerable<T> items)
    {
        var array = items.ToArray();
        if (array.Length == 0)
        {
            return null;
        }

        return array;
    }

    private static InputMap<TOut>? Map<TIn, TOut>(ValueMap<TIn> map, Func<TIn, TOut> convert)
    {
        if (map.Count == 0)
        {
            return null;
        }

        var result = new InputMap<TOut>();
        foreach (var (key, value) in map)
        {
            result.Add(key, convert(value));
        }

        return result;
    }
}
