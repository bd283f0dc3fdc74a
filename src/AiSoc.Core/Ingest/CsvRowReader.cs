using System.Text;

namespace AiSoc.Core.Ingest;

/// <summary>
/// Reads RFC 4180 CSV rows: quoted fields may contain commas, doubled quotes and line breaks.
/// Reports the line on which each row starts so errors can name it.
/// </summary>
public sealed class CsvRowReader(TextReader reader)
{
    private readonly StringBuilder _field = new();
    private long _line = 1;

    /// <summary>Reads the next row; returns false at the end of the input.</summary>
    public bool TryReadRow(out List<string> fields, out long startLine)
    {
        fields = [];
        startLine = _line;
        var c = reader.Read();
        if (c < 0)
        {
            return false;
        }

        var inQuotes = false;
        _field.Clear();
        while (c >= 0)
        {
            if (inQuotes)
            {
                if (c == '"' && reader.Peek() == '"')
                {
                    _field.Append('"');
                    reader.Read();
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    _line += c == '\n' ? 1 : 0;
                    _field.Append((char)c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                fields.Add(_field.ToString());
                _field.Clear();
            }
            else if (c == '\n')
            {
                _line++;
                break;
            }
            else if (c != '\r')
            {
                _field.Append((char)c);
            }

            c = reader.Read();
        }

        fields.Add(_field.ToString());
        return true;
    }
}
