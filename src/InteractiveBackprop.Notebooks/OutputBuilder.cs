using System.Text.Json.Nodes;

namespace InteractiveBackprop.Notebooks;

/// <summary>
/// Turns the kernel events of one cell into nbformat 4 outputs, as Jupyter would store them:
/// displays become <c>display_data</c>, a return value <c>execute_result</c>, console output
/// <c>stream</c>, and a failure <c>error</c>. An updated display replaces its earlier output.
/// </summary>
public static class OutputBuilder
{
    /// <summary>The outputs of <paramref name="submission"/>.</summary>
    /// <param name="submission">The cell's events.</param>
    /// <param name="executionCount">The number Jupyter shows as <c>[n]</c>.</param>
    /// <param name="displayUpdates">How many times an existing display was updated.</param>
    public static JsonArray Build(Submission submission, int executionCount, out int displayUpdates)
    {
        var outputs = new JsonArray();
        var displays = new Dictionary<string, JsonObject>();
        displayUpdates = 0;
        foreach (var item in submission.Events)
        {
            var body = item["event"] as JsonObject;
            switch ((string?)item["eventType"])
            {
                case "DisplayedValueProduced":
                {
                    var output = Display("display_data", body);
                    if (output is null)
                    {
                        break;
                    }

                    outputs.Add(output);
                    if ((string?)body?["valueId"] is { } id)
                    {
                        displays[id] = output;
                    }

                    break;
                }

                case "DisplayedValueUpdated":
                {
                    if ((string?)body?["valueId"] is { } id && displays.TryGetValue(id, out var shown))
                    {
                        shown["data"] = Data(body);
                        displayUpdates++;
                    }
                    else if (Display("display_data", body) is { } output)
                    {
                        outputs.Add(output);
                    }

                    break;
                }

                case "ReturnValueProduced":
                    if (Display("execute_result", body) is { } result)
                    {
                        result["execution_count"] = executionCount;
                        outputs.Add(result);
                    }

                    break;

                case "StandardOutputValueProduced":
                    AppendStream(outputs, "stdout", body);
                    break;

                case "StandardErrorValueProduced":
                    AppendStream(outputs, "stderr", body);
                    break;

                case "CommandFailed" when ReferenceEquals(item, submission.Events[^1]):
                    string message = (string?)body?["message"] ?? "The cell failed.";
                    outputs.Add(new JsonObject
                    {
                        ["output_type"] = "error",
                        ["ename"] = "Error",
                        ["evalue"] = message,
                        ["traceback"] = new JsonArray(message),
                    });
                    break;
            }
        }

        return outputs;
    }

    private static JsonObject? Display(string outputType, JsonObject? body)
    {
        var data = Data(body);
        if (data.Count == 0)
        {
            return null;
        }

        return new JsonObject
        {
            ["output_type"] = outputType,
            ["data"] = data,
            ["metadata"] = new JsonObject(),
        };
    }

    private static JsonObject Data(JsonObject? body)
    {
        var data = new JsonObject();
        if (body?["formattedValues"] is not JsonArray values)
        {
            return data;
        }

        foreach (var value in values)
        {
            if (value?["suppressDisplay"]?.GetValue<bool>() == true)
            {
                continue;
            }

            if ((string?)value?["mimeType"] is { } mime)
            {
                data[mime] = (string?)value["value"] ?? "";
            }
        }

        return data;
    }

    private static void AppendStream(JsonArray outputs, string name, JsonObject? body)
    {
        string text = "";
        if (body?["formattedValues"] is JsonArray values)
        {
            foreach (var value in values)
            {
                if ((string?)value?["mimeType"] == "text/plain")
                {
                    text += (string?)value["value"];
                }
            }
        }

        // Jupyter merges consecutive writes to one stream into one output.
        if (outputs.Count > 0 && outputs[^1] is JsonObject last &&
            (string?)last["output_type"] == "stream" && (string?)last["name"] == name)
        {
            last["text"] = (string?)last["text"] + text;
            return;
        }

        outputs.Add(new JsonObject
        {
            ["output_type"] = "stream",
            ["name"] = name,
            ["text"] = text,
        });
    }
}
