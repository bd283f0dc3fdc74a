using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;
using static AiSoc.Core.Normalizers.Sentinel.EntityGraphFields;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>Entities that take data from nested or referenced entities: files, processes and registry values.</summary>
internal static partial class EntityGraphMapper
{
    private static FileEntity? File(EntityGraphNode node, EntityRole? role, List<string> warnings)
    {
        var element = node.Element;
        var hashes = new FileHashes();
        hashes.Add("SHA1", Text(element, "Sha1"));
        hashes.Add("SHA256", Text(element, "Sha256"));
        hashes.Add("MD5", Text(element, "Md5"));

        foreach (var hashNode in node.Children("FileHashes"))
        {
            if (hashNode.Type != "filehash")
            {
                warnings.Add($"{node.Path}.FileHashes: ignored {hashNode.Type ?? "untyped"} object where a filehash entity was expected");
                continue;
            }

            hashNode.IsAbsorbed = true;
            hashes.Add(Text(hashNode.Element, "Algorithm"), Text(hashNode.Element, "Value"));
        }

        var file = EntityFactory.File(name: Text(element, "Name"), path: Text(element, "Directory"), sha1: hashes.Sha1,
            sha256: hashes.Sha256, md5: hashes.Md5, role: role);

        foreach (var (algorithm, value) in hashes.Given)
        {
            if (file is null || !file.HasHash(value))
            {
                warnings.Add($"{node.Path}: ignored invalid {algorithm} hash '{Clip(value)}'");
            }
        }

        return file;
    }

    private static FileEntity? FileHash(EntityGraphNode node, EntityRole? role, out string? dropReason)
    {
        var algorithm = Text(node.Element, "Algorithm");
        var value = Text(node.Element, "Value");
        var hashes = new FileHashes();
        hashes.Add(algorithm, value);

        var file = EntityFactory.File(sha1: hashes.Sha1, sha256: hashes.Sha256, md5: hashes.Md5, role: role);
        dropReason = file is null ? $"'{Clip(value ?? "")}' is not a supported {algorithm ?? "file"} hash" : null;
        return file;
    }

    private static ProcessEntity? Process(EntityGraphNode node, EntityRole? role, List<string> warnings)
    {
        var element = node.Element;
        var image = TypedChild(node, "ImageFile", "file", warnings)?.Entity as FileEntity;
        var parent = TypedChild(node, "ParentProcess", "process", warnings)?.Entity as ProcessEntity;
        var processId = Text(element, "ProcessId");
        var commandLine = Text(element, "CommandLine");

        DateTimeOffset? createdAt = null;
        if (Text(element, "CreationTimeUtc") is { } created)
        {
            if (UtcTimestamp.TryParse(created, out var value))
            {
                createdAt = value;
            }
            else
            {
                warnings.Add($"{node.Path}.CreationTimeUtc: ignored {UtcTimestamp.DescribeInvalid(created)}");
            }
        }

        if (processId is null && commandLine is null && image is null)
        {
            return null;
        }

        return new ProcessEntity
        {
            ProcessId = processId,
            CommandLine = commandLine,
            CreatedAt = createdAt,
            ImageFileName = image?.Name,
            ImageFilePath = image?.Path,
            ParentProcessId = parent?.ProcessId,
            ParentImageFileName = parent?.ImageFileName,
            Role = role,
        };
    }

    private static RegistryEntity? RegistryKey(EntityGraphNode node, EntityRole? role)
    {
        var key = Text(node.Element, "Key");
        return key is null ? null : new RegistryEntity { Hive = Text(node.Element, "Hive"), Key = key, Role = role };
    }

    private static RegistryEntity? RegistryValue(EntityGraphNode node, EntityRole? role, List<string> warnings,
        out string? dropReason)
    {
        var element = node.Element;
        var hive = Text(element, "Hive");

        // Sentinel writes the key as a reference to a registry-key entity; some producers write it as text.
        var key = Text(element, "Key");
        if (TypedChild(node, "Key", "registry-key", warnings) is { } keyNode && Text(keyNode.Element, "Key") is { } nestedKey)
        {
            keyNode.IsAbsorbed = true;
            key = nestedKey;
            hive ??= Text(keyNode.Element, "Hive");
        }

        dropReason = key is null ? "no registry key" : null;
        if (key is null)
        {
            return null;
        }

        return new RegistryEntity
        {
            Hive = hive,
            Key = key,
            ValueName = Text(element, "Name"),
            ValueData = Text(element, "Value"),
            ValueType = Text(element, "ValueType"),
            Role = role,
        };
    }

    /// <summary>Returns the child under <paramref name="property"/> when it has the expected type, else warns.</summary>
    private static EntityGraphNode? TypedChild(EntityGraphNode node, string property, string expectedType, List<string> warnings)
    {
        var child = node.Child(property);
        if (child is null || child.Type == expectedType)
        {
            return child;
        }

        // Reused ids make a $ref land on an unrelated object, and using it would attach wrong data.
        warnings.Add($"{node.Path}.{property}: ignored {child.Type ?? "untyped"} object where a {expectedType} entity was expected");
        return null;
    }

    private static bool HasHash(this FileEntity file, string value) =>
        value.Equals(file.Sha1, StringComparison.OrdinalIgnoreCase)
        || value.Equals(file.Sha256, StringComparison.OrdinalIgnoreCase)
        || value.Equals(file.Md5, StringComparison.OrdinalIgnoreCase);

    /// <summary>Hashes gathered from a file's inline fields and its <c>filehash</c> children, by algorithm.</summary>
    private sealed class FileHashes
    {
        public string? Sha1 { get; private set; }

        public string? Sha256 { get; private set; }

        public string? Md5 { get; private set; }

        public List<(string Algorithm, string Value)> Given { get; } = [];

        public void Add(string? algorithm, string? value)
        {
            if (algorithm is null || value is null)
            {
                return;
            }

            // The first hash of each algorithm wins. Other algorithms, such as Sentinel's SHA256AC, have no field
            // in the schema.
            var name = algorithm.ToUpperInvariant();
            switch (name)
            {
                case "SHA1" when Sha1 is null:
                    Sha1 = value;
                    break;
                case "SHA256" when Sha256 is null:
                    Sha256 = value;
                    break;
                case "MD5" when Md5 is null:
                    Md5 = value;
                    break;
                default:
                    return;
            }

            Given.Add((name, value));
        }
    }
}
