using System.Text.Json.Nodes;

namespace EgressInfra.Core.Schema;

/// <summary>What the schema says about one config key: its JSON Schema type and its description.</summary>
/// <param name="Type">Builds the key's type keywords (a fresh object each time: JSON nodes have one parent).</param>
/// <param name="Required">True when the binder reports the key as missing.</param>
public sealed record KeySpec(string Description, Func<JsonObject> Type, bool Required = false);
