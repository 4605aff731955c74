using EgressInfra.Core.Config.Binding;

namespace EgressInfra.Core.Sources;

/// <summary>
/// Reads the data files of the Core (the preset catalog, the profile levels) with the same reader as
/// stack files. They ship compiled (<c>*.Shipped.cs</c>); the Core's tests parse the YAML with this
/// reader and fail when the compiled form differs. A problem in them is a defect of the build, not of
/// a user's input, so it throws.
/// </summary>
public static class EmbeddedData
{
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
