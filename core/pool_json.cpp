#include "pool_json.h"

#include "io/atomic_file.h"
#include "number_checks.h"
#include "parse_error.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace cs {

namespace {

using nlohmann::json;

// The 1-based line and column of a byte offset, for nlohmann's byte positions.
std::pair<int, int> lineAndColumn(const std::string &text, std::size_t offset)
{
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

double requireNumber(const json &model, const char *key, const std::string &file, const std::string &where)
{
    const auto it = model.find(key);
    if (it == model.end() || !it->is_number())
        throw ParseError(file, 0, 0, where + ": \"" + key + "\" must be a number");
    return it->get<double>();
}

std::optional<double> optionalNumber(const json &model, const char *key, const std::string &file,
                                     const std::string &where)
{
    const auto it = model.find(key);
    if (it == model.end() || it->is_null())
        return std::nullopt;
    if (!it->is_number())
        throw ParseError(file, 0, 0, where + ": \"" + key + "\" must be a number or absent");
    return it->get<double>();
}

// "load_curve": {"idle_w": 80, "points": [[rate per s per GPU, watts], ...]} (issue #16), written by `profile`.
std::optional<LoadCurve> optionalLoadCurve(const json &model, const std::string &file, const std::string &where)
{
    const auto it = model.find("load_curve");
    if (it == model.end() || it->is_null())
        return std::nullopt;
    const std::string at = where + ": \"load_curve\"";
    if (!it->is_object() || !it->contains("points") || !(*it)["points"].is_array())
        throw ParseError(file, 0, 0, at + " must be an object with \"idle_w\" and a \"points\" array");
    LoadCurve curve;
    curve.idleWatts = requireNumber(*it, "idle_w", file, at);
    for (const json &p : (*it)["points"]) {
        if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number())
            throw ParseError(file, 0, 0, at + ": each point must be [requests per second, watts]");
        curve.points.push_back({p[0].get<double>(), p[1].get<double>()});
    }
    if (curve.points.size() > 1000)
        throw ParseError(file, 0, 0, at + ": more than 1000 points (a profile measures a handful of loads)");
    return curve;
}

} // namespace

ModelPool parsePoolJson(const std::string &text, const std::string &displayName)
{
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error &e) {
        const auto [line, column] = lineAndColumn(text, e.byte > 0 ? e.byte - 1 : 0);
        std::string what = e.what();
        if (const auto colon = what.rfind(": "); colon != std::string::npos)
            what = what.substr(colon + 2);
        throw ParseError(displayName, line, column, "invalid JSON: " + what);
    } catch (const json::out_of_range &e) {
        // A number beyond double range ("number overflow parsing '1e400'"): nlohmann gives no position, so the
        // quoted token is looked up in the text.
        std::string what = e.what();
        if (const auto bracket = what.find("] "); bracket != std::string::npos)
            what = what.substr(bracket + 2);
        std::size_t at = 0;
        if (const auto open = what.find('\''), close = what.rfind('\''); open != std::string::npos && close > open)
            if (const auto found = text.find(what.substr(open + 1, close - open - 1)); found != std::string::npos)
                at = found;
        const auto [line, column] = lineAndColumn(text, at);
        throw ParseError(displayName, line, column, "invalid JSON: " + what);
    }
    if (!doc.is_object() || !doc.contains("models") || !doc["models"].is_array())
        throw ParseError(displayName, 0, 0, "expected an object with a \"models\" array");

    ModelPool pool;
    pool.name = "custom";
    if (doc.contains("name")) {
        if (!doc["name"].is_string())
            throw ParseError(displayName, 0, 0, "\"name\" must be a string (the pool's name) or absent");
        pool.name = doc["name"].get<std::string>();
    }
    std::size_t index = 0;
    for (const json &m : doc["models"]) {
        const std::string where = "models[" + std::to_string(index++) + "]";
        if (!m.is_object() || !m.contains("name") || !m["name"].is_string())
            throw ParseError(displayName, 0, 0, where + ": expected an object with a \"name\" string");
        Model model;
        model.name = m["name"].get<std::string>();
        model.energyMj = requireNumber(m, "energy_mj", displayName, where);
        model.errorPct = requireNumber(m, "error_pct", displayName, where);
        model.latencyMs = optionalNumber(m, "latency_ms", displayName, where);
        model.throughputPerS = optionalNumber(m, "throughput_per_s", displayName, where);
        if (m.contains("source") && m["source"].is_string())
            model.source = m["source"].get<std::string>();
        model.loadCurve = optionalLoadCurve(m, displayName, where);
        try {
            validateModel(model); // here, so that the message names the entry
        } catch (const InputError &e) {
            throw ParseError(displayName, 0, 0, where + ": " + e.what());
        }
        pool.models.push_back(std::move(model));
    }
    try {
        pool.validate();
    } catch (const InputError &e) {
        throw ParseError(displayName, 0, 0, e.what());
    }
    return pool;
}

ModelPool readPoolJson(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ParseError(path, 0, 0, "cannot open the pool file");
    // A pool is a few models: read at most maxPoolFileBytes, so that a wrong file cannot fill memory.
    std::string text(limits::maxPoolFileBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > limits::maxPoolFileBytes)
        throw ParseError(path, 0, 0, "larger than " + std::to_string(limits::maxPoolFileBytes)
                                         + " bytes: not a pool file (a pool lists a few models)");
    return parsePoolJson(text, path);
}

std::string poolToJson(const ModelPool &pool)
{
    json models = json::array();
    for (const Model &m : pool.models) {
        json j{{"name", m.name}, {"energy_mj", m.energyMj}, {"error_pct", m.errorPct}};
        if (m.latencyMs)
            j["latency_ms"] = *m.latencyMs;
        if (m.throughputPerS)
            j["throughput_per_s"] = *m.throughputPerS;
        if (!m.source.empty())
            j["source"] = m.source;
        if (m.loadCurve) {
            json points = json::array();
            for (const LoadPoint &p : m.loadCurve->points)
                points.push_back({p.requestsPerS, p.watts});
            j["load_curve"] = {{"idle_w", m.loadCurve->idleWatts}, {"points", std::move(points)}};
        }
        models.push_back(std::move(j));
    }
    return json{{"name", pool.name}, {"models", std::move(models)}}.dump(2) + "\n";
}

void writePoolJson(const ModelPool &pool, const std::string &path)
{
    pool.validate(); // a figure out of range (an infinite energy) is refused, never written as null
    writeFileAtomically(path, poolToJson(pool)); // the old file stays whole if this fails (OutputError)
}

ModelPool loadPool(const std::string &nameOrPath)
{
    if (nameOrPath == "paper")
        return paperPool();
    if (nameOrPath == "resnets")
        return resnetPool();
    return readPoolJson(nameOrPath);
}

} // namespace cs
