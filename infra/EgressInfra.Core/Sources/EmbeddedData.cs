using EgressInfra.Core.Config.Binding;

namespace EgressInfra.Core.Sources;

/// <summary>
/// Reads the data files shipped inside the Core (the preset catalog, the profile levels) with the
/// same reader as stack files. A problem in them is a defect of the build, not of a user's input,
/// so it throws; the Core's tests load each file so that such a build never ships.
/// </summary>
public static class EmbeddedData
{
    public static string ReadText(string logicalName)
    {
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidDataException($"the embedded resource {logicalName} is missing from {typeof(EmbeddedData).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static MappingNode ReadMapping(string text, string file)
    {
        var doc = YamlTreeReader.ReadSingle(text, file);
        if (doc.Problems.Count > 0 || doc.Root is not MappingNode root)
        {
            throw new InvalidDataException($"{file} is not a readable YAML mapping: {string.Join("; ", doc.Problems)}");
        }

        return root;
    }

    /// <summary>Throws with every problem <paramref name="reader"/> collected, if any.</summary>
    public static void ThrowIfInvalid(NodeReader reader, string file)
    {
        if (reader.Diagnostics.Count > 0)
        {
            throw new InvalidDataException($"{file} is invalid: {string.Join("; ", reader.Diagnostics)}");
        }
    }
}
