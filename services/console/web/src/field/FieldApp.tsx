// 移动端 for field staff (网格员, 社区工作人员): built in the next step.
import { Navigate } from 'react-router-dom';

export function FieldApp() {
  return <Navigate to="/worklist" replace />;
}
