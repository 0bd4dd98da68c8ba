// Photos straight from the phone's camera (capture="environment"; a desktop browser offers its file picker), up
// to four, each shown small with a way to take it out again.
import { useEffect, useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n';

const MAX_PHOTOS = 4;

export function CameraInput({ label, files, onChange, testId }: { label: string; files: File[]; onChange(files: File[]): void; testId: string }) {
  const { t } = useI18n();
  const [previews, setPreviews] = useState<string[]>([]);
  useEffect(() => {
    const urls = files.map((f) => URL.createObjectURL(f));
    setPreviews(urls);
    return () => urls.forEach((u) => URL.revokeObjectURL(u));
  }, [files]);
  return (
    <div style={{ marginBottom: 8 }}>
      <label className="field-camera">
        <CameraOutlined /> {label} ({files.length}/{MAX_PHOTOS})
      <input
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        className="field-camera-input"
        data-testid={testId}
        disabled={files.length >= MAX_PHOTOS}
        onChange={(e) => {
          const picked = Array.from(e.target.files ?? []);
          onChange([...files, ...picked].slice(0, MAX_PHOTOS));
          e.target.value = '';
        }}
      />
      </label>
      {files.length > 0 && (
        <Space wrap size={6} style={{ marginTop: 6 }}>
          {previews.map((url, i) => (
            <span key={url} className="field-thumb">
              <img src={url} alt={`${label} ${i + 1}`} />
              <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={`${t('field.photos.remove')} ${i + 1}`} onClick={() => onChange(files.filter((_, j) => j !== i))} />
            </span>
          ))}
        </Space>
      )}
      {files.length >= MAX_PHOTOS && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('field.photos.max', { n: MAX_PHOTOS })}</Typography.Text>}
    </div>
  );
}
