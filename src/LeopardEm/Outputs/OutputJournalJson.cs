using System.Text.Json.Serialization;

namespace LeopardEm.Outputs;

/// <summary>The journal's JSON contract, generated at compile time: reflection-based serialization is not allowed in
/// the trimmed single-file build (scripts/publish-single-file.sh fails on trim warnings).</summary>
[JsonSerializable(typeof(List<PublishEntry>))]
internal sealed partial class OutputJournalJson : JsonSerializerContext;
