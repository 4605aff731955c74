using EgressInfra.Core.Config;

namespace EgressInfra.Core.Manifests;

/// <summary>
/// A ServiceEntry with the service it was built from. <see cref="Entry"/> keeps the config's order
/// of hosts, ports and addresses, so that a finding at <c>spec.ports[1]</c> maps straight back to
/// <c>egress.services[k].ports[1]</c>; rendering sorts afterwards.
/// </summary>
public sealed record BuiltServiceEntry(ServiceEntry Entry, ExternalService Source)
{
    /// <summary>Maps a manifest path (<c>spec.ports[0].protocol</c>) to the config path that produced it.</summary>
    public string ToConfigPath(string manifestPath)
    {
        if (Source.Preset is not null)
        {
            return Source.SourcePath;
        }

        if (manifestPath.StartsWith("spec.", StringComparison.Ordinal))
        {
            return $"{Source.SourcePath}.{manifestPath["spec.".Length..]}";
        }

        return manifestPath == "metadata.name" ? $"{Source.SourcePath}.name" : Source.SourcePath;
    }
}
