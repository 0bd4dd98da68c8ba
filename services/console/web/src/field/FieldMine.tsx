// 我的巡查上报 on the phone.
import { Typography } from 'antd';
import { useI18n } from '../i18n';
import { PatrolReports } from '../components/PatrolReports';

export function FieldMine() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="field-mine-title">
      <Typography.Title level={2} id="field-mine-title" className="field-title">{t('field.myReports')}</Typography.Title>
      <PatrolReports compact />
    </section>
  );
}
