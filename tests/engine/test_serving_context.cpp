// What the Live tab says before a session: the UK Carbon Intensity region names (against the API's own recorded
// response) and the line naming the device a session would run on.
#include "serving_device.h"
#include "uk_regions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace cs;

class TestServingContext : public QObject
{
    Q_OBJECT

private slots:
    // Every region of a recorded /regional response (../shared/data) under its id, and nothing beyond 1..18.
    void regionNamesAreTheApis()
    {
        QFile f(QStringLiteral(CARBONSCOPE_SHARED_DATA "/uk_ci_regional_intensity_2024-01-01_pt24h_data_array.json"));
        if (!f.open(QIODevice::ReadOnly))
            QSKIP("the recorded UK Carbon Intensity response is not in ../shared/data");
        const QJsonArray periods = QJsonDocument::fromJson(f.readAll()).array();
        QVERIFY(!periods.isEmpty());
        QSet<int> seen;
        for (const QJsonValue &region : periods[0].toObject()[QStringLiteral("regions")].toArray()) {
            const int id = region.toObject()[QStringLiteral("regionid")].toInt();
            const auto name = ukCarbonIntensityRegionName(id);
            QVERIFY2(name, qPrintable(QString::number(id)));
            QCOMPARE(QString::fromUtf8(name->data(), qsizetype(name->size())),
                     region.toObject()[QStringLiteral("shortname")].toString());
            seen.insert(id);
        }
        QCOMPARE(seen.size(), ukCarbonIntensityRegionCount);
        QCOMPARE(*ukCarbonIntensityRegionName(11), std::string_view("South West England"));
        QVERIFY(!ukCarbonIntensityRegionName(0));
        QVERIFY(!ukCarbonIntensityRegionName(19));
    }

    void servingDeviceLines()
    {
        QCOMPARE(servingDeviceText({true, std::string("NVIDIA H200")}), std::string("NVIDIA H200 (CUDA)"));
        QCOMPARE(servingDeviceText({true, std::nullopt}), std::string("no GPU found: will serve on the CPU"));
        QVERIFY(servingDeviceText({false, std::string("NVIDIA H200")}).rfind("LibTorch module not installed", 0) == 0);
        // This machine: the module is built where LibTorch is found, and no NVIDIA driver answers here.
        const ServingDevice here = probeServingDevice();
#ifdef CARBONSCOPE_TORCH_MODULE_BUILT
        QVERIFY(here.moduleFound);
#endif
        if (!QFile::exists(QStringLiteral("/dev/nvidiactl")))
            QVERIFY(!here.gpu);
    }
};

QTEST_GUILESS_MAIN(TestServingContext)
#include "test_serving_context.moc"
