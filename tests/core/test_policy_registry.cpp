// The one policy registry: what it holds before and after the optimize library joins, that every example parses
// into a policy of its kind, the help lines the CLI prints, the Compare tab's presets, and docs/policies.md.
#include "parse_error.h"
#include "policy_factory.h"
#include "register_optimize_policies.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace cs;

namespace {

QStringList names()
{
    QStringList out;
    for (const PolicyKind &k : policyKinds())
        out << QString::fromStdString(k.name);
    return out;
}

} // namespace

class TestPolicyRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Runs first: core alone knows its three kinds, and a spec of another library's kind is refused by name.
    void coreKindsBeforeOptimizeJoins()
    {
        QCOMPARE(names(), (QStringList{"heuristic", "model", "threshold"}));
        try {
            makePolicy("optimal:max-error=8");
            QFAIL("an optimize kind parsed before registerOptimizePolicies()");
        } catch (const InputError &e) {
            QCOMPARE(QString::fromUtf8(e.what()),
                     QStringLiteral("unknown policy 'optimal:max-error=8' (known kinds: heuristic, model, threshold)"));
        }
    }

    void optimizeKindsJoinTheSameRegistry()
    {
        registerOptimizePolicies();
        registerOptimizePolicies(); // again: replaces, does not duplicate
        // std::map order: a name before any longer name it begins ("forecast" < "forecast:price").
        QCOMPARE(names(), (QStringList{"budget", "forecast", "forecast:price", "heuristic", "model", "online",
                                       "online:price", "optimal", "optimal-split", "service", "threshold"}));
    }

    void everyExampleParsesAsItsKind()
    {
        int examples = 0;
        for (const PolicyKind &k : policyKinds()) {
            QVERIFY2(!k.examples.empty(), k.name.c_str());
            QVERIFY2(!k.help.empty() && k.syntax.starts_with(k.name), k.name.c_str());
            for (const std::string &example : k.examples) {
                const PolicyPtr p = makePolicy(example);
                QVERIFY2(p->spec().starts_with(k.name), (example + " -> " + p->spec()).c_str());
                ++examples;
            }
        }
        QCOMPARE(examples, 15); // 4 heuristic, 2 optimal, 1 for each of the other nine kinds
    }

    // The Compare tab's presets: the eleven it listed by hand before the registry, now in the registry's order,
    // with one example for each kind it lacked (model, service, online:price, forecast:price).
    void presetsAreTheExamplesInRegistryOrder()
    {
        const std::vector<std::string> expected{"budget:daily=2000",
                                                "forecast",
                                                "forecast:price",
                                                "heuristic",
                                                "heuristic:printed",
                                                "heuristic:daily",
                                                "heuristic:printed:daily",
                                                "model:ResNet50",
                                                "online:window=7d",
                                                "online:price:window=7d,max-error=8",
                                                "optimal:max-error=8",
                                                "optimal:max-co2=50000",
                                                "optimal-split:max-error=8",
                                                "service:gpus=4,slo-ms=100,policy=heuristic",
                                                "threshold:VGG19@100,ResNet50@200,AlexNet"};
        QCOMPARE(policyExamples(), expected);
    }

    // The lines `simulate --help` prints: the syntax padded to 32 columns (at least two spaces), then the help.
    void helpLinesLineUp()
    {
        const std::vector<std::string> lines = policyKindHelp();
        QCOMPARE(lines.size(), std::size_t(11));
        QCOMPARE(lines[4], std::string("model:NAME                      always the named model (a baseline)"));
        QCOMPARE(lines[1], std::string("forecast[:printed]              heuristic on the day-ahead forecast, "
                                       "priced on the actual"));
        QCOMPARE(lines[2], std::string("forecast:price[:window=7d][,max-error=PCT]  the same learned on the "
                                       "day-ahead forecast, once a day"));
    }

    // docs/policies.md is the registry's text; where it is not, the current text is written beside this test to
    // be copied over.
    void docsMatchTheRegistry()
    {
        const std::string expected = policyReference();
        QVERIFY(expected.find("\n## `optimal-split`\n\n    optimal-split:max-error=PCT|max-co2=G\n\n"
                              "Hindsight optimum, requests may be split (exact LP).\n\n"
                              "Example: `optimal-split:max-error=8`\n")
                != std::string::npos);
        QFile doc(QStringLiteral(CARBONSCOPE_SOURCE_DIR "/docs/policies.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const std::string actual = doc.readAll().toStdString();
        if (actual != expected) {
            QFile fresh(QStringLiteral("policies.md"));
            QVERIFY(fresh.open(QIODevice::WriteOnly | QIODevice::Truncate));
            fresh.write(expected.data(), qint64(expected.size()));
            QFAIL(qPrintable(QStringLiteral("docs/policies.md differs from the registry: cp %1 docs/policies.md")
                                 .arg(QFileInfo(fresh).absoluteFilePath())));
        }
    }
};

QTEST_APPLESS_MAIN(TestPolicyRegistry)
#include "test_policy_registry.moc"
